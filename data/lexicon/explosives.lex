# Explosives, detonators and bomb making (爆炸物).
# 雷管 and named industrial explosives are unambiguous; 炸药 and 导火索 are also idioms ("吃了炸药",
# "冲突的导火索"), so they need a trade word or a making word nearby.

[explosives severity=critical]
雷管 | pinyin
电雷管
火雷管
导爆管雷管
数码电子雷管
工业雷管
导爆索
导爆管
起爆器
起爆药
硝铵炸药
乳化炸药
铵油炸药
膨化硝铵
黑索金
太安炸药
奥克托今
塑胶炸药
塑性炸药
tnt炸药
c4炸药
土炸药
自制炸药
炸药配方
炸药制作
制作炸药
炸药制作方法
土制炸弹
自制炸弹
制作炸弹
炸弹制作
炸弹制作方法
管状炸弹
遥控炸弹
定时炸弹制作
燃烧瓶制作
自制燃烧弹
手雷出售
出售手雷
出售炸药
炸药出售
卖炸药
买炸药
炸药批发
收购炸药
出售雷管
雷管出售
出售导火索
导火索出售
导火索批发
出售黑火药
黑火药出售
出售硝化甘油
出售tnt
炸山专用
开山炸药
矿用炸药出售
爆破器材出售
民爆物品出售
# --- English
pipe bomb
explosives for sale
detonators for sale
dynamite for sale
c4 for sale
semtex for sale
blasting caps for sale
grenades for sale

[explosives severity=critical]
regex: (?:出售|售卖|贩售|销售|贩卖|专卖|代售|收购|求购|批发|有货|现货|出货|到货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|供货|邮寄|加微|加v|加赖|加line|私聊|私信|私讯|联系)[^\n]{0,10}(?:炸药|雷管|导火索|导爆索|黑火药|硝化甘油|手雷|炸弹|爆破器材|民爆) | name=explosives-trade-before
# Chinese trade wording before an English explosive (出售dynamite); not c4 (a car) or tnt (a courier).
regex: (?:出售|售卖|贩售|销售|贩卖|专卖|代售|收购|求购|批发|有货|现货|出货|到货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|供货|邮寄|加微|加v|加赖|加line|私聊|私信|私讯|联系)[^\n]{0,10}(?-u:\b)(?:explosives?|detonators?|dynamite|semtex|grenades?|blasting caps?)(?-u:\b) | name=explosives-trade-zh-en
regex: (?:炸药|雷管|导火索|导爆索|黑火药|硝化甘油|手雷|爆破器材|民爆物品)[^\n]{0,10}(?:出售|售卖|贩售|销售|专卖|批发|有货|现货|出货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|供货|邮寄|加微|加v|加赖|加line|私聊|私信|私讯|联系我|联系方式) | name=explosives-trade-after
regex: (?:自制|制作|制造|配制|土制|diy)[^\n]{0,6}(?:炸药|炸弹|雷管|燃烧弹|燃烧瓶|爆炸物) | name=explosives-making
regex: (?-u:\b)(?:(?:for ?|4 ?)sale|sel{1,2}ing|dm me|pm me|whatsap{1,2}|telegram|ship{1,2}ing|discre{1,2}t|in stock)(?-u:\b)[^\n]{0,30}(?-u:\b)(?:explosives?|detonators?|dynamite|semtex|grenades?|blasting caps?)(?-u:\b) | name=explosives-trade-en
regex: (?-u:\b)(?:explosives?|detonators?|dynamite|semtex|tnt|(?:hand )?grenades?|blasting caps?)(?-u:\b)[^\n]{0,20}(?-u:\b)(?:(?:for ?|4 ?)sale|dm me|pm me|whatsap{1,2}|telegram|wickr|in stock|ships? worldwide|worldwide shipping|discre{1,2}t shipping)(?-u:\b) | name=explosives-trade-en-after
regex: (?-u:\b)(?:how to|instructions? to|guide to|tutorial)(?-u:\b)[^\n]{0,12}(?-u:\b)(?:make|build)(?-u:\b)[^\n]{0,6}(?-u:\b)(?:a )?(?:bombs?|pipe bombs?|explosives?|detonators?)(?-u:\b) | name=explosives-making-en
all: tnt & 出售 within 12 | name=explosives-tnt-sale
all: c4 & 炸药 within 12 | name=explosives-c4

[explosives severity=high]
炸药包出售
爆炸物品
黑火药配方
硝化甘油配方
硝酸铵出售
氯酸钾出售
高氯酸钾出售
