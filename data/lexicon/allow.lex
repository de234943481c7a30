# Allow entries shared by every domain. A deny match that lies inside or overlaps one of these phrases
# is suppressed. They cover toys, laws, news and warning wording that reuse trade vocabulary.

# --- law, police and warnings
allow: 非法买卖
allow: 非法出售
allow: 非法收购
allow: 非法贩卖
allow: 非法销售
allow: 贩卖毒品
allow: 贩卖枪支
allow: 贩卖人口
allow: 非法持有
allow: 非法制造
allow: 非法运输
allow: 非法邮寄
allow: 非法储存
allow: 禁止出售
allow: 严禁出售
allow: 禁止买卖
allow: 严禁买卖
allow: 禁止销售
allow: 严禁销售
allow: 不得出售
allow: 不得买卖
allow: 打击整治
allow: 专项整治
allow: 举报电话
allow: 举报热线
allow: 谨防诈骗
allow: 防范诈骗
allow: 反诈
allow: 警方提醒
allow: 警惕
# --- toy and sport guns
allow: 水枪
allow: 水弹枪
allow: 玩具水枪
allow: 泡泡枪
allow: 软弹枪
allow: 玩具枪
allow: 儿童玩具枪
allow: 激光枪玩具
allow: 电动玩具枪
allow: 泡沫枪
allow: 胶枪
allow: 热熔胶枪
allow: 喷枪
allow: 焊枪
allow: 喷漆枪
allow: 钉枪
allow: 气钉枪
allow: 洗车枪
allow: 高压水枪
allow: 按摩枪
allow: 筋膜枪
allow: 测温枪
allow: 额温枪
allow: 扫码枪
allow: 扫描枪
allow: 电子枪
allow: 拍照枪
allow: 射钉枪
allow: 吹风枪
allow: 热风枪
allow: 油枪
allow: 加油枪
allow: 发令枪
allow: 枪支管理法
allow: 枪支管理
allow: 枪支弹药管理
allow: water gun
allow: water guns
allow: nerf gun
allow: nerf guns
allow: toy gun
allow: toy guns
allow: glue gun
allow: nail gun
allow: heat gun
allow: massage gun
allow: gun control
allow: spray gun
# --- games (吃鸡 and friends)
allow: 游戏皮肤
allow: 枪皮肤
allow: 枪械皮肤
allow: 皮肤出售
# --- idioms that reuse weapon and poison words
allow: 强弩之末
allow: 剑拔弩张
allow: 吃了炸药
allow: 吃炸药
allow: 火药味
allow: 糖衣炮弹
allow: 鸦片战争
allow: 白粉病
allow: 导火线
allow: 导火索事件
# --- tools and parts that share gun words
allow: 手枪钻
allow: 手枪式
allow: 手枪虾
allow: 喷雾枪
allow: 打蜡枪
allow: 黄油枪
allow: 玻璃胶枪
allow: 铆钉枪
allow: 拉铆枪
allow: 打气枪
allow: 充气枪
allow: 吹气枪
allow: 喷气枪
allow: 吹尘枪
allow: 除尘枪
allow: 红缨枪
allow: 枪色
allow: 鸟枪换炮
allow: 子弹头
allow: 子弹笔记
allow: 子弹时间
allow: 子弹短信
allow: 汽车消音器
allow: 摩托车消音器
allow: 排气消音器
allow: 排气管消音器
allow: 气动消音器
allow: 空压机消音器
allow: 发电机消音器
allow: 风机消音器
allow: 管道消音器
allow: 消音器总成
allow: 汽车消声器
allow: 排气消声器
allow: 管道消声器
allow: 风机消声器
allow: 消声器总成
allow: 瑞士军刀
allow: 旋转木马
allow: 木马玩具
allow: 摇摇木马
allow: 儿童木马
allow: 特洛伊木马
allow: 除颤器

# Found by `cargo run --release --example lexicon_report` on real text (described, not quoted).
# Hyperbole: a smelly product "is drugs, not fruit".
allow: 是卖毒品
# Complaints that a shop's invoice is fake.
allow: 是假发票
# Fake evidence, fake testimony and false witnesses are not forged papers.
allow: 假证据
allow: 假证词
allow: 假证人
# History and news: someone travelled on a false passport.
allow: 用假护照
allow: 持假护照
# Questions to a payment app's customer service about its own features.
allow: 强开额度吗
allow: 代还信用卡吗
allow: 能代还信用卡
# "Slap you to death" is slang, not the call-bombing tool.
allow: 嘴巴呼死你
allow: 巴掌呼死你
# Archers in poems and games.
allow: 弓弩手
# Repeated characters collapse, so 时时彩 also finds 时彩 inside ordinary words ("at that time", "colour").
allow: 当时彩
allow: 同时彩
allow: 及时彩
allow: 时彩色
allow: 时彩虹
allow: 时彩排
allow: 时彩灯
allow: 时彩礼
# Wool and fibre carding.
allow: drum carding
allow: hand carding
allow: wool carding
allow: carding wool
allow: carding machine
# Arms sales between states and cartels in news, and denials.
allow: weapons to
allow: guns to the cartel
allow: guns to cartels
allow: guns to mexico
allow: guns to the mexican
allow: doesn't sell
allow: don't sell
allow: does not sell
allow: do not sell
allow: never sell
allow: not selling
