# Signal jammers and car-unlocking / key-cloning devices (信号屏蔽器、干扰器、汽车解码器).
# 屏蔽器 and 干扰器 are sold legally for exam halls and labs by licensed makers, so the bare word is
# high while trade-plus-disguise phrasing is what marks the black market; 开锁 is a legal trade,
# so only "万能钥匙/解码器 + car" wording fires.

[jammers severity=high]
信号屏蔽器
手机信号屏蔽器
手机屏蔽器
gps屏蔽器
gps干扰器
定位屏蔽器
定位干扰器
信号干扰器
手机信号干扰器
无线干扰器
wifi干扰器
无人机干扰器
遥控干扰器
汽车遥控干扰器
遥控屏蔽器
车钥匙干扰器
车锁干扰器
监控干扰器
考场屏蔽器出售
屏蔽器出售
干扰器出售
出售屏蔽器
出售干扰器
汽车解码器
汽车开锁器
汽车万能钥匙
汽车万能解码器
车辆解码器
万能车钥匙
汽车电子解码
开车门神器
开车锁神器
电子开锁器
开锁工具出售
万能开锁工具
万能开锁器
锡纸开锁
锡纸开锁工具
开锁技术培训
快开工具
一字快开
十字快开
防盗门开锁工具
万能钥匙出售
出售万能钥匙
门禁卡复制器出售
信号放大中继开车
无钥匙进入破解
钥匙信号复制
钥匙对拷器
遥控对拷
# --- English
signal jammer for sale
gps jammer
cell phone jammer
phone jammer for sale
car jammer
car unlock device
keyless entry hack
relay attack device
lock pick set for sale
bump keys for sale

[jammers severity=high]
regex: (?:出售|销售|专卖|批发|有货|现货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|加微|加v|加赖|加line|私聊|私信|私讯|联系)[^\n]{0,10}(?:屏蔽器|干扰器|汽车解码器|车辆解码器|开锁器|开锁工具|万能钥匙|对拷器) | name=jammers-trade-before
regex: (?:屏蔽器|干扰器|汽车解码器|车辆解码器|开锁器|开锁工具|万能钥匙|快开工具)[^\n]{0,10}(?:出售|销售|专卖|批发|有货|现货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|加微|加v|加赖|加line|私聊|私信|私讯|联系我|联系方式) | name=jammers-trade-after
regex: (?-u:\b)(?:(?:for ?|4 ?)sale|sel{1,2}ing|buy|dm me|whatsap{1,2}|telegram|ship{1,2}ing)(?-u:\b)[^\n]{0,30}(?-u:\b)(?:jam{1,2}ers?|signal blockers?|gps blockers?)(?-u:\b) | name=jammers-trade-en
all: 万能钥匙 & 汽车 within 12 | name=jammers-car-master-key
all: 解码器 & 开车门 within 20 ! 视频 ! 音频 | name=jammers-car-decoder
allow: 万能钥匙wifi
allow: wifi万能钥匙
allow: 成功的万能钥匙
allow: 人生万能钥匙
allow: 开锁公司
allow: 开锁换锁
allow: 110开锁
allow: 公安备案开锁
