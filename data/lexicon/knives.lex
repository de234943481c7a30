# Controlled knives, crossbows, stun weapons and other prohibited arms (管制刀具、弓弩).
# 管制刀具 itself is mostly warning wording ("禁止携带管制刀具"): only with trade words.

[knives severity=critical]
军刺
三棱刀
三棱刺
三棱军刺
五六式军刺
弹簧刀
跳刀
自动弹簧刀
重力刀
甩刀
开刃武士刀
开刃砍刀
开刃匕首
开刃唐刀
开刃大马士革
开刃直刀
户外开刃
可开刃
弓弩
弩弓
十字弩
手弩
钢珠弩
小黑弩
眼镜蛇弩
麻醉弩
射鱼弩
狩猎弩
弩箭
弩片
弩配件
弩弦
复合弩
反曲弩
滑轮弩
打猎弩
弩出售
出售弩
卖弩
弩批发
弩专卖
弩货到付款
出售管制刀具
管制刀具出售
管制刀具批发
卖管制刀具
管制刀具网购
出售匕首
匕首出售
匕首批发
出售三棱刀
出售甩棍
甩棍出售
伸缩甩棍
防身甩棍
电击器
电击棍
电击枪
电警棍
高压电击器
防身电击器
电棍出售
指虎出售
出售指虎
钢指虎
狼牙拳刺
拳刺
# --- English
crossbows for sale
crossbow for sale
switchblades for sale
switchblade for sale
butterfly knife for sale
balisong for sale
stun guns for sale
brass knuckles for sale

[knives severity=critical]
regex: (?:出售|售卖|贩售|销售|专卖|代售|收购|批发|有货|现货|出货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|供货|加微|加v|加赖|加line|私聊|私信|私讯|联系)[^\n]{0,10}(?:管制刀具|匕首|军刺|三棱刀|三棱刺|弹簧刀|跳刀|蝴蝶刀|弩|甩棍|电击器|电击棍|电击枪|电棍|指虎|拳刺) | name=knives-trade-before
regex: (?:管制刀具|匕首|军刺|三棱刀|三棱刺|弹簧刀|跳刀|蝴蝶刀|弩|甩棍|电击器|电击棍|电击枪|电棍|指虎|拳刺)[^\n]{0,10}(?:出售|售卖|贩售|销售|专卖|批发|有货|现货|出货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|供货|加微|加v|加赖|加line|私聊|私信|私讯|联系我|联系方式) | name=knives-trade-after
all: 刀 & 开刃 & 包邮 within 20 | name=knives-sharpened-free-shipping

[knives severity=high]
大马士革开刃
直刀开刃
开刃刀具
户外刀具开刃
管制刀具网店
