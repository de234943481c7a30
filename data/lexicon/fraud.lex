# Fraud and black-industry services: fake orders and reviews, paid posters, account farming,
# SMS-code platforms, scam scripts and tools (刷单、刷信誉、水军、养号、接码平台、黑产).

[fraud severity=medium]
刷单兼职
刷单任务
刷单佣金
招刷单
代刷信誉
代刷销量
刷单返利
刷单返现
刷单平台
兼职刷单
补单兼职
刷钻
代刷好评
刷单刷信誉
刷粉
刷粉丝
买粉丝
涨粉服务
刷赞
刷播放量
刷阅读量
刷点击
刷排名
刷榜
投票刷票
代刷
网络水军
水军公司
水军服务
招水军
删帖公关
有偿删帖
代删差评
负面删除
养号
养号工作室
批量养号
批量注册
批量注册账号
小号批发
账号批发
出售账号
账号出售
白号出售
老号出售
实名号出售
微信号批发
qq号批发
抖音号出售
接码
接码平台
接码服务
手机接码
短信接码
验证码平台
打码平台
黑灰产
灰产
黑产资源
薅羊毛软件
羊毛党工具
撸口子
撸贷
口子资源
套路贷
砍头息
网贷黑户
代过人脸
人脸识别代过
解封微信
微信解封
代解封
辅助解封
微信辅助注册
包解封
杀猪盘
诈骗剧本
话术剧本
引流话术
资金盘
传销平台
拉人头
免费领手机
中奖信息领取
冒充客服退款
退款理赔客服
征信修复
征信洗白
逾期洗白
黑户洗白
贷款包装
包装流水
代办贷款
无抵押秒批
# --- English
fake reviews for sale
buy instagram followers
paid reviews
click farm
account farm
sms verification service
otp bypass
pig butchering
money mule
guaranteed returns daily
double your money

[fraud severity=medium]
regex: (?:日赚|日入|日结|时薪|日薪)[^\n]{0,6}(?:\d{3,5}|百|千)[^\n]{0,10}(?:兼职|刷单|点赞|关注|做任务|接单) | name=fraud-task-job
regex: (?:兼职|招募|招聘)[^\n]{0,8}(?:刷单|点赞员|关注员|打字员|抖音点赞|做任务) | name=fraud-task-recruit
regex: (?:出售|批发|收购|回收|出租)[^\n]{0,6}(?:微信号|qq号|抖音号|快手号|小红书号|淘宝号|闲鱼号|支付宝号|实名号|老号|白号|小号) | name=fraud-account-trade
regex: (?-u:\b)(?:buy|sel{1,2}ing|cheap)(?-u:\b)[^\n]{0,10}(?-u:\b)(?:fol{1,2}owers|likes|views|reviews|upvotes)(?-u:\b) | name=fraud-engagement-en
all: 刷单 & 垫付 within 20 | name=fraud-advance-payment
all: 解封 & 收费 within 12 | name=fraud-unblock-fee
allow: 刷单诈骗
allow: 刷单被骗
allow: 谨防刷单
allow: 刷单是诈骗
allow: 刷单违法
allow: 防范刷单
allow: 警惕刷单
allow: 拒绝刷单
allow: 杀猪盘诈骗
allow: 防范杀猪盘
allow: 识别杀猪盘
allow: 遇到杀猪盘
allow: 刷票房
allow: 水军太多
allow: 是水军
allow: 水军吧
allow: 养号攻略
