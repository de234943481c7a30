# Organ trade (器官买卖): selling or buying kidneys, livers and other organs, brokers and "sources".
# Transplant medicine and donation ("器官捐献", "肾移植") are ordinary words; only trade wording fires.

[organs severity=critical]
卖肝
买肝
卖器官
买器官
器官买卖
买卖器官
器官交易
器官出售
出售器官
出售肾脏
肾脏出售
收购肾脏
高价收肾
收肾
肾源
肾源中介
有偿肾源
肝源中介
有偿肝源
器官中介
肾移植中介
换肾中介
配型中介
供体中介
有偿捐肾
有偿捐肝
有偿捐献器官
有偿献肾
卖肾价格
一个肾多少钱
肾多少钱一个
卖卵
收购卵子
有偿捐卵
有偿献血中介
卖眼角膜
出售眼角膜
# --- English
kidney for sale
kidneys for sale
organ broker
organs for sale
liver for sale
organ trafficking service

[organs severity=critical]
regex: (?:卖|买)肾[^\n]{0,12}(?:加微|加v|加赖|加line|联系|价格|私聊|中介|配型|血型|o型|a型|b型|ab型|报酬|急需用钱|急用钱) | name=organs-kidney-offer
regex: (?:出售|售卖|贩售|收购|求购|高价收|高价|有偿|中介|价格|多少钱|报酬|加微|加v|加赖|加line|私聊|联系)[^\n]{0,8}(?:肾脏|肾源|肝源|器官|眼角膜|供体) | name=organs-trade-before
regex: (?:肾脏|肾源|肝源|器官|眼角膜|供体)[^\n]{0,8}(?:出售|收购|求购|有偿|中介|价格|多少钱|报酬|加微|加v|加赖|加line|私聊|联系我|联系方式|万元) | name=organs-trade-after
regex: (?-u:\b)(?:sel{1,2}|sel{1,2}ing|buy|buying|(?:for ?|4 ?)sale|broker|pay|cash for)(?-u:\b)[^\n]{0,16}(?-u:\b)(?:kidneys?|organs?|corneas?)(?-u:\b) | name=organs-trade-en
regex: (?-u:\b)(?:kidneys?|corneas?)(?-u:\b)[^\n]{0,12}(?-u:\b)(?:(?:for ?|4 ?)sale|available|donor wanted|buyers? wanted)(?-u:\b) | name=organs-trade-en-after
all: 肾 & 配型 & 报酬 within 20 | name=organs-kidney-matching-pay
all: 肾 & 万 & 中介 within 20 | name=organs-kidney-broker

[organs severity=high]
allow: 器官捐献
allow: 捐献器官
allow: 遗体器官捐献
allow: 器官移植
allow: 肾移植手术
allow: 禁止器官买卖
allow: 打击器官买卖
allow: 人体器官移植条例
allow: 卖肾买苹果
allow: 卖肾也买不起
allow: 卖肾都
allow: organ donation
allow: organ donor
allow: 卖个肾
allow: 卖肾也
allow: sell my kidney for
allow: sell a kidney for
allow: selling my kidney for
