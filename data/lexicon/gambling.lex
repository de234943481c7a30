# Online gambling sites, agents and betting services (网赌、博彩、赌博网站、百家乐代理).
# Lottery news and sports talk reuse 彩票, 下注, 赔率: only site, agent and deposit wording fires.

[gambling severity=medium]
网赌
网络赌博
网上赌博
线上赌博
赌博网站
赌博平台
博彩网站
博彩平台
博彩公司代理
博彩代理
网投平台
网投代理
线上博彩
在线博彩
真人博彩
真人百家乐
百家乐代理
百家乐平台
百家乐网站
百家乐技巧
百家乐稳赢
龙虎斗平台
牛牛平台
炸金花平台
斗牛平台
棋牌平台代理
棋牌代理招募
捕鱼平台提现
彩票平台代理
时时彩
时时彩平台
重庆时时彩
北京赛车pk10
幸运飞艇
快三平台
彩票计划群
稳赚计划
包赢计划
带单老师
导师带单
必中计划
私彩
地下六合彩
六合彩特码
特码资料
一肖中特
赌球
赌球网站
外围赌球
足球外围
体育外围
外围平台
皇冠体育代理
皇冠信用网
信用网代理
现金网
现金网代理
菠菜平台
菠菜代理
菠菜网站
bc平台
bc代理
赌场代理
网上赌场
线上赌场
线上娱乐城
娱乐城开户
娱乐城注册送
注册送彩金
首存送
存送活动
日返水
洗码
洗码返佣
上分下分
上分客服
澳门赌场线上
澳门线上
葡京娱乐
威尼斯人娱乐
银河娱乐城
太阳城娱乐
# --- English
online casino
online betting site
betting tips guaranteed
sure bet fixed matches
fixed matches
casino bonus no deposit
sign up bonus casino

[gambling severity=medium]
regex: (?:百家乐|龙虎斗|抢庄牛|斗牛|炸金花|时时彩|六合彩|pk10|飞艇|快三|棋牌)[^\n]{0,8}(?:代理|平台|开户|注册|充值|提现|上分|下分|返水|彩金|首存|网址|招商) | name=gambling-game-platform
regex: (?:首存|存款|首冲)[^\n]{0,4}送[^\n]{0,4}(?:\d+%|彩金|礼金) | name=gambling-deposit-bonus
regex: 注册(?:就)?送[^\n]{0,4}(?:彩金|礼金) | name=gambling-signup-bonus
regex: (?:日赚|日入|稳赚|包赢|稳赢|必赢)[^\n]{0,8}(?:百家乐|时时彩|计划|平台|下注|投注|彩票|赛车|飞艇) | name=gambling-sure-win
all: 赌博 & 平台 within 10 ! 打击 ! 举报 ! 防范 ! 远离 | name=gambling-platform
all: 博彩 & 代理 within 10 ! 打击 | name=gambling-agent
allow: 打击网络赌博
allow: 远离赌博
allow: 拒绝赌博
allow: 禁止赌博
allow: 赌博罪
allow: 开设赌场罪
allow: 体育彩票
allow: 中国福利彩票
allow: 菠菜汤
allow: 菠菜炒
allow: 炒菠菜
allow: 菠菜面
allow: 菠菜饺子
allow: 菠菜豆腐
allow: 拌菠菜
allow: 菠菜蛋
allow: 凉拌菠菜
allow: 菠菜籽
allow: 吃菠菜
allow: 买菠菜
allow: 菠菜叶
allow: 菠菜根
allow: 菠菜和
allow: 和菠菜
allow: 洗菠菜
allow: 彩金首饰
allow: 彩金项链
allow: 彩金戒指
allow: 18k彩金
allow: 电子平台
