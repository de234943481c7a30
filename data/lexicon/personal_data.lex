# Trade in personal data: citizen records, hotel records, location look-ups, doxxing libraries
# (公民信息、开房记录、手机定位查询、社工库、户籍查询).

[personal_data severity=high]
公民个人信息出售
出售公民信息
公民信息出售
出售个人信息
个人信息出售
买卖个人信息
个人信息买卖
出售用户数据
用户数据出售
出售客户资料
客户资料出售
出售客户数据
精准客户资料
精准客源数据
精准粉数据
股民数据
股民资料出售
学生信息出售
车主信息出售
车主资料
业主信息出售
业主资料出售
新生儿信息
孕妇信息出售
快递单号信息出售
查开房记录
开房记录查询
查询开房记录
宾馆入住记录查询
酒店入住记录查询
开房信息查询
手机定位查询
查手机定位
手机号定位
手机号码定位
手机号查定位
查人定位
号码定位
基站定位查询
实时定位查询
查个人位置
查行踪
查行程轨迹
行动轨迹查询
社工库
社工库查询
社工机器人
社工查询
人肉搜索服务
人肉查询
户籍查询
户籍信息查询
查户籍
身份证号查询住址
身份证查户籍
查身份证信息
身份信息查询
查询身份信息
手机号查机主
手机号查姓名
查机主信息
机主信息查询
通话记录查询
查通话记录
通话清单查询
查通话详单
短信记录查询
查微信聊天记录
微信聊天记录查询
微信记录恢复查询
查qq聊天记录
调取聊天记录
查银行流水
银行流水查询服务
查个人征信
征信查询服务
查车辆信息
车辆轨迹查询
查车主
车牌号查车主
查婚姻状况
婚姻记录查询
查航班记录
查出行记录
查名下房产
查名下资产
侦探调查公司
婚外情调查
出轨调查
找人查人
# --- English
personal data for sale
leaked database for sale
database dump for sale
combo list
doxxing service
dox anyone
ssn lookup service
phone location lookup
track any phone number

[personal_data severity=high]
regex: (?:出售|售卖|贩售|贩卖|买卖|收购|批发|有货|现货|渠道|加微|加v|加赖|加line|私聊)[^\n]{0,8}(?:公民信息|个人信息|个资|身份信息|用户信息|用户数据|客户资料|客户数据|客户信息|开房记录|通话记录|聊天记录|快递信息|车主信息|业主信息|学生信息|股民|身份证号|四要素|三要素) | name=personal-data-trade-before
regex: (?:查|查询|调取|调查|定位|找)[^\n]{0,3}(?:开房|通话|户籍|机主|行踪|轨迹|身份证|住址|名下|婚姻)[^\n]{0,6}(?:加微|加v|加赖|加line|私聊|联系我|价格|多少钱|收费|秒出|当天出) | name=personal-data-lookup-service
all: 手机号 & 定位 & 查询 within 12 | name=personal-data-phone-location
all: 身份证号 & 住址 & 查 within 12 | name=personal-data-id-address
all: 数据 & 出售 & 精准 within 16 | name=personal-data-leads

[personal_data severity=medium]
# A private detective mentioned in a story is ordinary; the advertised service is not.
私家侦探公司
私家侦探服务
私家侦探社
私人侦探公司
私人侦探服务
调查取证公司
all: 私家侦探 & 婚外情 within 20 | name=detective-affair
all: 私家侦探 & 取证 within 12 | name=detective-evidence
all: 私家侦探 & 寻人 within 12 | name=detective-tracing
all: 私人侦探 & 婚外情 within 20 | name=private-detective-affair
all: 私人侦探 & 取证 within 12 | name=private-detective-evidence
all: 私人侦探 & 寻人 within 12 | name=private-detective-tracing
数据泄露出售
拖库
撞库
洗库
allow: 个人信息保护法
allow: 保护个人信息
allow: 个人信息保护
allow: 侵犯公民个人信息罪
allow: 泄露个人信息
allow: 个人信息泄露
allow: 防止个人信息泄露
allow: 查询快递
allow: 快递查询
allow: 查看物流
allow: 查找我的iphone
allow: 查找手机
