# Narcotics and controlled psychoactive substances (毒品).
# Street names and drug names that ordinary text hardly uses stand alone; words with ordinary or
# medical uses (大麻, 吗啡, 芬太尼, 氯胺酮, 溜冰, 叶子, 邮票) only near trade words.

[narcotics severity=critical]
冰毒
海洛因 | pinyin
海洛英
k粉
k他命
恺他命
毒咖啡包
摇头丸 | pinyin
麻古
麻果
甲基苯丙胺
苯丙胺
安非他命
甲卡西酮
γ丁内酯
丧尸药
浴盐毒品
咔哇潮饮
咔哇氵朝饮
开心水
奶茶粉毒品
跳跳糖毒品
彩虹烟
上头电子烟
笑气弹
笑气出售
出售笑气
大麻烟
大麻叶出售
大麻种子
大麻籽出售
大麻油出售
大麻糖
大麻巧克力
大麻烟弹
飞叶子
溜冰壶
冰壶溜冰
溜冰工具
白粉出售
卖白粉
致幻蘑菇
迷幻蘑菇
裸盖菇
魔法蘑菇
lsd邮票
迷幻邮票
罂粟籽出售
古柯叶
可卡因
古柯碱
出售毒品
毒品出售
卖毒品
买毒品
毒品货源
毒品批发
毒品代购
出售冰毒
冰毒出售
卖冰毒
出售海洛因
出售k粉
出售摇头丸
出售大麻
大麻出售
卖大麻
买大麻
大麻批发
出售可卡因
出售芬太尼
芬太尼出售
出售氯胺酮
出售麻黄碱
麻黄碱出售
麻黄素出售
出售曲马多
曲马多出售
出售吗啡
出售杜冷丁
杜冷丁出售
出售美沙酮
# --- English
crystal meth for sale
buy meth online
buy heroin online
buy cocaine online
buy fentanyl online
buy mdma online
buy ketamine online
buy weed online

[narcotics severity=critical]
regex: (?:出售|售卖|贩售|销售|贩卖|专卖|代售|收购|求购|批发|零售|代购|有货|现货|出货|到货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|供货|订购|邮寄|加微|加v|加赖|加line|私聊|私信|私讯|联系|拿货)[^\n]{0,10}(?:冰毒|海洛因|白粉|k粉|k他命|恺他命|摇头丸|麻古|大麻|可卡因|芬太尼|氯胺酮|吗啡|鸦片|杜冷丁|美沙酮|曲马多|麻黄碱|麻黄素|依托咪酯|笑气|毒品) | name=narcotics-trade-before
# Chinese trade wording before an English drug name (出售cocaine, 有货mdma).
regex: (?:出售|售卖|贩售|销售|贩卖|专卖|代售|收购|求购|批发|零售|代购|有货|现货|出货|到货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|供货|订购|邮寄|加微|加v|加赖|加line|私聊|私信|私讯|联系|拿货)[^\n]{0,10}(?-u:\b)(?:meth|heroin|cocaine|fentanyl|mdma|ecstasy|ketamine|lsd|xanax|oxycodone|can{1,2}abis|kush)(?-u:\b) | name=narcotics-trade-zh-en
regex: (?:冰毒|海洛因|白粉|k粉|k他命|恺他命|摇头丸|麻古|大麻|可卡因|芬太尼|氯胺酮|吗啡|鸦片|杜冷丁|美沙酮|曲马多|麻黄碱|依托咪酯|笑气|毒品)[^\n]{0,10}(?:出售|售卖|贩售|销售|专卖|批发|零售|代购|有货|现货|出货|到货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|供货|订购|邮寄|加微|加v|加赖|加line|私聊|私信|私讯|联系我|联系方式|一克|每克|克价) | name=narcotics-trade-after
regex: 溜冰[^\n]{0,8}(?:工具|壶|货|出售|有货|联系|私聊|加微|一克|每克|克) | name=narcotics-skating-slang
regex: (?-u:\b)(?:(?:for ?|4 ?)sale|sel{1,2}ing|sel{1,2}s|dm me|pm me|dm for|inbox me|hmu|whatsap{1,2}|telegram|wickr|ship{1,2}ing|ships? worldwide|discre{1,2}t|stealth|in stock|cash on delivery|price list|plug)(?-u:\b)[^\n]{0,30}(?-u:\b)(?:meth|heroin|cocaine|fentanyl|fent|mdma|ecstasy|mol{1,2}y|lsd|ketamine|xanax|oxycodone|oxycontin|percocet|perc|ad{1,2}eral{1,2}|we{1,2}d|can{1,2}abis|kush|shro{1,2}ms|dmt|ghb|opium|codeine)(?-u:\b) | name=narcotics-trade-en
regex: (?-u:\b)(?:meth|heroin|cocaine|fentanyl|mdma|ecstasy|mol{1,2}y|lsd|ketamine|xanax|oxycodone|percocet|ad{1,2}eral{1,2}|we{1,2}d|can{1,2}abis|kush|shro{1,2}ms|dmt)(?-u:\b)[^\n]{0,20}(?-u:\b)(?:(?:for ?|4 ?)sale|dm me|pm me|whatsap{1,2}|telegram|wickr|ships? worldwide|worldwide shipping|discre{1,2}t shipping|stealth shipping|delivery|no prescription|without prescription)(?-u:\b) | name=narcotics-trade-en-after
all: 叶子 & 飞 & 货 within 12 | name=narcotics-leaf-slang

[narcotics severity=high]
吸毒工具
罂粟壳
冰壶出售
麻黄碱提炼
提炼冰毒
制毒配方
制毒教程
冰毒制作
冰毒配方
冰毒提炼
合成冰毒
how to cook meth
allow: 鸦片战争
allow: 冰糖雪梨
allow: 冰糖葫芦
allow: 冰糖炖
allow: 冰糖银耳
allow: 大麻哈鱼
allow: 大麻花
allow: 蘑菇汤
allow: 邮票收藏
allow: 鸦片香水
allow: 工业大麻
allow: 大麻纤维
allow: 贩卖毒品罪
allow: 走私贩卖运输制造毒品
allow: 贩卖运输毒品
allow: 禁毒
allow: 远离毒品
allow: 拒绝毒品
