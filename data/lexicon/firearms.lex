# Firearms, ammunition, air guns, replicas and gun parts (枪支弹药).
# Bare nouns that ordinary text uses (枪, 手枪, 子弹, 猎枪) appear only inside trade phrases or rules;
# slang and product names that only the trade uses (气狗, 火狗, 钢珠枪) stand alone.

[firearms severity=critical]
# --- trade slang and product names used almost only by sellers
气狗
火狗
汽狗
钢珠枪
铅弹枪
火药枪
秃鹰气枪
秃鹰pcp
pcp气枪
pcp打鸟
高压气枪
大功率气枪
军用手枪
军用步枪
仿真手枪
仿五四
仿六四
五四式手枪
六四式手枪
七七式手枪
九二式手枪
仿真左轮
左轮手枪出售
真枪实弹出售
枪支配件
枪械配件
枪模配件
枪管总成
枪支散件
枪械散件
枪支图纸
枪械图纸
自制枪支
自制手枪
制枪教程
造枪教程
枪支改装
气枪改装
改装气枪
# 改火 alone is an old spring custom in poems; only the conversion to gunpowder counts.
可改火
改火药
改成火药
狗粮专用
打鸟神器
猎鸟神器
狩猎气枪
# --- trade phrases: sell / buy / wholesale + gun nouns
出售枪支 | pinyin
枪支出售 | pinyin
销售枪支
枪支销售
买卖枪支
枪支买卖
枪枝买卖
买卖枪枝
枪支交易
枪支批发
批发枪支
收购枪支
枪支货到付款
出售枪械
枪械出售
出售手枪
手枪出售
卖手枪
买手枪
手枪批发
出售气枪
气枪出售
卖气枪
买气枪
气枪批发
气枪专卖
气枪价格
气枪货到付款
出售猎枪
猎枪出售
卖猎枪
买猎枪
猎枪专卖
猎枪价格
出售步枪
步枪出售
出售仿真枪
仿真枪出售
仿真枪批发
仿真枪专卖
卖仿真枪
出售左轮
出售军火
军火出售
军火批发
军火专卖
出售子弹
子弹出售
卖子弹
子弹批发
出售弹药
弹药出售
出售弹夹
弹夹出售
出售弹匣
出售消音器
消音器出售
卖消音器
出售消声器
出售枪管
枪管出售
出售狙击枪
出售霰弹枪
出售散弹枪
出售麻醉枪
麻醉枪出售
麻醉枪专卖
出售铅弹
铅弹批发
出售钢珠弹
卖枪
售枪
枪出售
出售枪
卖真枪
买真枪
真枪出售
枪店
枪友交流
# --- English
ar15 for sale
ak47 for sale
ghost gun
untraceable gun
buy guns online
buy ammo online
unregistered guns

[firearms severity=critical]
# Proximity: a strong trade word near a gun noun, in either order (canonical stream, CJK junk already dropped).
regex: (?:出售|售卖|贩售|销售|贩卖|专卖|代售|收购|求购|批发|零售|代购|有货|现货|出货|到货|货源|发货|包邮|货到付款|价格|价钱|多少钱|特价|渠道|厂家直销|供应|供货|加微|加v|加赖|加line|私聊|私信|私讯|联系)[^\n]{0,10}(?:枪支|枪枝|枪械|手枪|气枪|猎枪|步枪|仿真枪|钢珠枪|铅弹枪|麻醉枪|狙击枪|霰弹枪|散弹枪|冲锋枪|左轮|五四式|六四式|军用枪|防身枪|秃鹰|气狗|火狗|真枪|弹药|弹夹|弹匣|消音器|消声器|枪管|枪托|击针|枪机|铅弹|钢珠弹|火药枪|打鸟枪|军火) | name=firearms-trade-before
# Chinese trade wording before an English gun noun (出售glock, 有货ak47); not bare "gun" (massage gun, glue gun).
regex: (?:出售|售卖|贩售|销售|贩卖|专卖|代售|收购|求购|批发|零售|代购|有货|现货|出货|到货|货源|发货|包邮|货到付款|价格|价钱|多少钱|特价|渠道|厂家直销|供应|供货|加微|加v|加赖|加line|私聊|私信|私讯|联系)[^\n]{0,10}(?-u:\b)(?:handguns?|pistols?|rifles?|shotguns?|revolvers?|glocks?|ak ?47s?|ar ?15s?|am{1,2}o|am{1,2}unition|silencers?)(?-u:\b) | name=firearms-trade-zh-en
regex: (?:枪支|枪枝|枪械|手枪|气枪|猎枪|步枪|仿真枪|钢珠枪|铅弹枪|麻醉枪|狙击枪|霰弹枪|散弹枪|冲锋枪|左轮|五四式|六四式|军用枪|防身枪|秃鹰|气狗|火狗|真枪|弹药|弹夹|弹匣|消音器|消声器|枪管|枪托|击针|枪机|铅弹|钢珠弹|火药枪|打鸟枪|军火)[^\n]{0,10}(?:出售|售卖|贩售|销售|专卖|批发|零售|代购|有货|现货|出货|到货|货源|发货|包邮|货到付款|价格|价钱|多少钱|特价|渠道|厂家直销|供应|供货|加微|加v|加赖|加line|私聊|私信|私讯|联系我|联系方式) | name=firearms-trade-after
# 子弹 is a common metaphor ("像子弹一样"): only right next to a trade word.
regex: (?:出售|批发|收购|货源|现货|有货)子弹|子弹(?:出售|批发|有货|现货|货到付款|包邮) | name=firearms-ammo-trade
# 买/卖 are too common to stand far away: only right next to the noun.
regex: (?:卖|买)[^\n]?(?:枪支|枪枝|枪械|手枪|气枪|猎枪|步枪|仿真枪|钢珠枪|狙击枪|霰弹枪|散弹枪|左轮|真枪|子弹|弹药|弹夹|消音器|枪管|军火) | name=firearms-buy-sell
# English: seller phrasing near a gun noun (repeated letters are collapsed in the canonical stream).
regex: (?-u:\b)(?:(?:for ?|4 ?)sale|sel{1,2}ing|sel{1,2}s?|dm me|pm me|inbox me|whatsap{1,2}|telegram|wickr|ship{1,2}ing|ships? worldwide|discre{1,2}t|cash on delivery|price list)(?-u:\b)[^\n]{0,30}(?-u:\b)(?:guns?|handguns?|firearms?|pistols?|rifles?|am{1,2}o|am{1,2}unition|glocks?|silencers?|sup{1,2}res{1,2}ors?|revolvers?|shotguns?|weapons?|ar ?15s?|ak ?47s?|auto ?sears?|glock switch(?:es)?|machine gun conversion kits?)(?-u:\b) | name=firearms-trade-en
regex: (?-u:\b)(?:guns?|handguns?|firearms?|pistols?|rifles?|am{1,2}o|am{1,2}unition|glocks?|silencers?|sup{1,2}res{1,2}ors?|revolvers?|shotguns?|weapons?|ar ?15s?|ak ?47s?|auto ?sears?|glock switch(?:es)?|machine gun conversion kits?)(?-u:\b)[^\n]{0,20}(?-u:\b)(?:(?:for ?|4 ?)sale|dm me|pm me|whatsap{1,2}|telegram|wickr|ships? worldwide|worldwide shipping|discre{1,2}t shipping|no license|no background check|no paperwork)(?-u:\b) | name=firearms-trade-en-after
all: 枪 & 货到付款 ! 玩具 ! 儿童 ! 工具 ! 游戏 within 15 | name=firearms-cod
all: 枪 & 包邮 ! 玩具 ! 儿童 ! 工具 ! 游戏 within 12 | name=firearms-free-shipping
all: 枪 & 加微信 ! 玩具 ! 儿童 ! 工具 ! 游戏 ! 组队 ! 开黑 within 20 | name=firearms-wechat
all: 狗粮 & 气狗 within 30 | name=firearms-slang-ammo
all: 秃鹰 & 气瓶 within 20 | name=firearms-pcp-bottle
all: 秃鹰 & 铅弹 within 20 | name=firearms-pcp-pellets
all: c4 & 枪 within 10 ! 雪铁龙 | name=firearms-c4-gun

[firearms severity=high]
# Weaker signals: gun parts and tutorials without an explicit trade word.
枪支制作
枪械制作
手枪制作方法
气枪制作方法
自制气枪
自制猎枪
枪管加工
膛线加工
击发机构图纸
3d打印枪
3d打印手枪
仿真枪械
枪支改造
改装枪支
黑枪
# 打黑枪 is an idiom (to stab in the back); 黑+枪击 joins a nickname and a shooting.
allow: 打黑枪
allow: 黑枪击
黑市枪支
