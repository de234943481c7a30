# Toxic chemicals, poisons and knock-out drugs (剧毒化学品、毒药、迷药).
# Names that only poisoners and chemists use stand alone at high; a trade word makes them critical.
# Common chemicals with lawful uses (砒霜 in history, 硫酸, 百草枯 in farming talk) need trade words.

[chemicals severity=high]
氰化钾 | pinyin
氰化钠
氰化物
山奈钾
山奈钠
毒鼠强
四亚甲基二砜四胺
氟乙酰胺
氟乙酸钠
鼠药三步倒
三步倒
闻到死
硫酸铊
醋酸铊
碳酸铊
铊盐
蓖麻毒素
蓖麻毒蛋白
相思子毒素
河豚毒素
河鲀毒素
乌头碱
箭毒
士的宁
马钱子碱
沙林毒气
沙林毒剂
芥子气
梭曼
塔崩
vx毒剂
神经毒剂
三氧化二砷
氯化汞
升汞
叠氮化钠
无色无味毒药
致命毒药
剧毒药
毒药配方
投毒方法
下毒方法
怎么下毒
迷药
迷奸药
迷幻药水
迷魂药
迷魂香
听话水
听话药
失忆水
失忆药
蒙汗药出售
乙醚迷药
三唑仑
三唑伦
氟硝西泮
γ羟基丁酸
ghb迷药
喷雾迷药
# --- English
cyanide for sale
potassium cyanide for sale
ricin for sale
untraceable poison
odorless poison
date rape drug

[chemicals severity=critical]
出售氰化钾
氰化钾出售
出售氰化钠
出售氰化物
出售毒鼠强
毒鼠强出售
出售铊
出售硫酸铊
出售蓖麻毒素
出售河豚毒素
出售毒药
毒药出售
卖毒药
买毒药
出售迷药
迷药出售
卖迷药
买迷药
迷药货到付款
出售听话水
出售三唑仑
出售砒霜
砒霜出售
出售百草枯
百草枯原液出售
regex: (?:出售|售卖|贩售|销售|专卖|代售|收购|求购|批发|有货|现货|出货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|邮寄|加微|加v|加赖|加line|私聊|私信|私讯|联系)[^\n]{0,10}(?:氰化钾|氰化钠|氰化物|山奈|毒鼠强|氟乙酰胺|铊|蓖麻毒素|河豚毒素|乌头碱|士的宁|砒霜|三氧化二砷|毒药|迷药|迷奸药|迷魂药|听话水|失忆水|三唑仑|氟硝西泮|蒙汗药|沙林|芥子气) | name=chemicals-trade-before
regex: (?:氰化钾|氰化钠|氰化物|毒鼠强|氟乙酰胺|硫酸铊|醋酸铊|蓖麻毒素|河豚毒素|乌头碱|砒霜|毒药|迷药|迷奸药|迷魂药|听话水|失忆水|三唑仑|蒙汗药)[^\n]{0,10}(?:出售|售卖|贩售|销售|专卖|批发|有货|现货|出货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|邮寄|加微|加v|加赖|加line|私聊|私信|私讯|联系我|联系方式) | name=chemicals-trade-after
regex: (?-u:\b)(?:(?:for ?|4 ?)sale|sel{1,2}ing|dm me|pm me|whatsap{1,2}|telegram|ship{1,2}ing|discre{1,2}t|in stock)(?-u:\b)[^\n]{0,30}(?-u:\b)(?:cyanide|ricin|thal{1,2}ium|strychnine|tetrodotoxin|poisons?)(?-u:\b) | name=chemicals-trade-en
all: 无色无味 & 药 & 出售 within 20 | name=chemicals-odourless-drug
allow: 箭毒蛙
allow: 箭毒木
