# Caller-ID spoofing, mass SMS tools, fake base stations and SIM-farm gear (改号、群发、伪基站).

[telecom severity=high]
改号软件 | pinyin
改号器
改号电话
任意改号
任意显号
任意号码显示
来电显示修改
来电改号
网络改号
改号app
改号神器
显号软件
虚拟来电显示
伪基站 | pinyin
伪基站设备
短信伪基站
黑广播
黑广播设备
gsm伪基站
短信群发器
群发器
短信群发设备
群发短信软件
短信轰炸机
电话轰炸机
呼死你
呼叫轰炸
短信猫
短信猫池
猫池
猫池设备
多卡宝
卡池设备
goip设备
goip网关
语音网关出售
虚拟拨号器
虚拟号码出售
外呼系统出售
自动外呼机器人出售
手机卡批发
电话卡批发
实名手机卡出售
收购手机卡
手机卡收购
物联网卡出售
流量卡实名出售
不实名手机卡
免实名手机卡
免实名卡
黑卡出售
海外卡出售
境外手机卡出售
# --- English
caller id spoofing
caller id spoofer
spoof caller id
sms bomber
call bomber
fake base station
imsi catcher
bulk sms sender for sale
sim box for sale

[telecom severity=high]
regex: (?:出售|销售|专卖|批发|有货|现货|货源|发货|包邮|价格|价钱|多少钱|渠道|供应|加微|加v|加赖|加line|私聊|私信|私讯|联系|出租)[^\n]{0,10}(?:改号|显号|伪基站|群发器|短信猫|猫池|卡池|goip|呼死你) | name=telecom-trade-before
regex: (?:改号|显号|伪基站|群发器|短信猫|猫池|卡池|goip)[^\n]{0,10}(?:出售|销售|专卖|批发|有货|现货|货源|发货|包邮|价格|价钱|多少钱|渠道|供应|加微|加v|加赖|加line|私聊|私信|私讯|联系我|联系方式|出租|租用) | name=telecom-trade-after
regex: (?:显示|显)(?:任意|任何|指定|你想要的)(?:号码|电话) | name=telecom-any-number
regex: (?-u:\b)(?:caller ?id|phone|call|sms|number) spoof(?:ing|er)?(?-u:\b)[^\n]{0,16}(?-u:\b)(?:service|services|app|apps|software|(?:for ?|4 ?)sale|available|dm|pm|contact|telegram|whatsap{1,2})(?-u:\b) | name=telecom-spoofing-en
all: 手机卡 & 不实名 within 12 | name=telecom-unregistered-sim
all: 电话卡 & 不实名 within 12 | name=telecom-unregistered-sim-2
allow: 拒收群发
allow: 防骚扰
allow: 骚扰拦截
