# Bank-card and account trading, money laundering, cash-out and counterfeit money
# (四件套、出售银行卡、跑分、洗钱、套现、假币).
# 银行卡 and 信用卡 are everyday words ("银行卡被冻结了"): they fire only with buy/sell/rent words.

[banking severity=high]
银行卡四件套
对公账户出售
出售对公账户
收购对公账户
对公账户收购
对公四件套
公户出售
出售公户
收公户
出售银行卡
银行卡出售
收购银行卡
银行卡收购
高价收购银行卡
银行卡回收
回收银行卡
收银行卡
卖银行卡
出租银行卡
银行卡出租
租用银行卡
租银行卡
借用银行卡
出售信用卡
信用卡出售
收购信用卡
出售u盾
收购u盾
出售网银
一类卡出售
二类卡出售
出售手机银行
收购支付宝账号
出售支付宝账号
支付宝账号出售
收购微信号
出售微信号
微信号出售
收购对公
跑分接单
跑分车队
跑分码商
跑分赚佣金
收u出u
出u收u
跑分兼职
车队收卡
洗黑钱
洗钱通道
洗钱服务
代洗钱
帮人洗钱
洗白资金
资金洗白
资金过账
帮人过账
走账
帮忙走账
刷流水
代刷流水
银行流水代做
流水代做
usdt跑分
承兑商
黑u
信用卡套现
花呗套现
白条套现
借呗套现
pos机套现
代还信用卡
刷卡套现
信用卡提额黑科技
高仿币
高仿假币
出售假币
假币出售
假钞出售
出售假钞
卖假币
买假币
假币货到付款
一比三假币
二代假币
高仿人民币
仿真钞
仿真币
# --- English
bank accounts for sale
bank logs for sale
bank logs
cloned cards
cloned credit cards
carding
cvv shop
cvv for sale
fullz
dumps with pin
counterfeit money
counterfeit bills
counterfeit notes
fake money for sale
undetectable counterfeit
money laundering service
cash out service
paypal accounts for sale
verified accounts for sale

[banking severity=high]
regex: (?:出售|售卖|贩售|收购|求购|回收|出租|租用|高价收|借用|批发)(?:一手|个人|实名|全套|大量|长期|各类|各地|闲置)?(?:银行卡|储蓄卡|信用卡|借记卡|一类卡|二类卡|对公账户|公户|u盾|网银|微信号|支付宝号|支付宝账号|收款码|收款账户) | name=banking-card-trade-before
regex: (?:银行卡|储蓄卡|信用卡|借记卡|一类卡|对公账户|公户|u盾|网银|支付宝账号|收款码)(?:出售|收购|回收|出租|租用|高价收)|(?:银行卡|对公账户|公户|收款码)[^\n]{0,6}(?:每张|日结|秒结) | name=banking-card-trade-after
regex: (?:高价|长期|大量|日结|秒结)(?:收购?|回收)[^\n]{0,6}(?:卡|账户|账号|公户) | name=banking-buying-cards
regex: (?:假币|假钞|高仿币|仿真币)[^\n]{0,10}(?:出售|批发|有货|现货|货源|包邮|货到付款|价格|多少钱|比例|一比|加微|联系) | name=banking-counterfeit-trade
regex: (?-u:\b)(?:(?:for ?|4 ?)sale|sel{1,2}ing|sel{1,2}|buy|dm me|pm me|whatsap{1,2}|telegram|ship{1,2}ing|discre{1,2}t)(?-u:\b)[^\n]{0,30}(?-u:\b)(?:counterfeit|fake|undetectable|prop)(?-u:\b) (?:money|bil{1,2}s|notes|dol{1,2}ars|euros|cash)(?-u:\b) | name=banking-counterfeit-en
all: 四件套 & 银行卡 within 20 | name=banking-card-kit
all: 四件套 & u盾 within 20 | name=banking-card-kit-token
all: 四件套 & 对公 within 20 | name=banking-corporate-kit
all: 银行卡 & 日结 within 20 | name=banking-card-daily-pay
all: 银行卡 & 高价 & 收 within 12 | name=banking-card-high-price
all: 信用卡 & 套现 within 12 | name=banking-card-cashout

[banking severity=medium]
信用卡代还
网贷口子
黑户贷款
黑户秒下
无视黑白户
不看征信
免征信贷款
强开额度
allow: 银行卡被冻结
allow: 银行卡冻结
allow: 银行卡丢了
allow: 银行卡挂失
allow: 绑定银行卡
allow: 解绑银行卡
allow: 收卡费
allow: 收款码怎么
allow: 防范洗钱
allow: 反洗钱
allow: 洗钱罪
allow: 收卡器
allow: 收卡人
allow: 过账日
allow: 套现违法
allow: 识别假钞
allow: 辨别假钞
allow: 假币识别
allow: 收到假币
allow: 收到假钞
allow: 收到一张假
allow: 手机跑分
allow: 跑分软件
allow: 安兔兔跑分
allow: 套现离场
allow: 减持套现
allow: 股东套现
