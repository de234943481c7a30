# Eavesdropping devices, phone spyware, trojans, SMS interception and covert tracking (窃听、监控、木马).

[surveillance severity=high]
窃听器
窃听设备
窃听软件
手机窃听
手机窃听器
远程窃听
无线窃听器
gsm窃听器
针孔摄像头出售
针孔摄像机
偷拍设备
偷拍器材
偷拍神器
隐形摄像头出售
微型摄像头偷拍
手机监控软件
手机监听软件
手机监控app
远程监控手机
远程控制手机
监控对方手机
监听对方手机
查看对方微信
监控老公手机
监控老婆手机
查老公微信聊天记录
查老婆微信聊天记录
同步接收微信
同步微信聊天记录
微信聊天记录同步
微信监控软件
qq监控软件
短信拦截
短信拦截器
短信拦截软件
拦截短信验证码
验证码拦截
短信嗅探
短信嗅探设备
gsm嗅探
嗅探设备
手机木马
远控木马
木马程序出售
木马免杀
免杀木马
木马定制
木马病毒出售
定制木马
远程控制木马
键盘记录器
盗号木马
盗号软件
盗号工具
盗qq
盗微信
盗号教程
破解微信密码
破解qq密码
隐蔽定位器
偷偷定位
定位追踪软件
手机定位软件
偷看对方位置
# --- English
spyware for sale
phone spy app
spy on your partner
track someone's phone secretly
stalkerware
keylogger for sale
rat for sale
remote access trojan
sms interceptor
sms interception

[surveillance severity=high]
regex: (?:出售|销售|专卖|批发|有货|现货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|加微|加v|加赖|加line|私聊|私信|私讯|联系|代装|定制)[^\n]{0,10}(?:窃听|监听器|监听软件|偷拍|针孔摄像|木马|远控|嗅探|拦截器|监控软件) | name=surveillance-trade-before
regex: (?:窃听器|监听器|监听软件|监控软件|针孔摄像|偷拍器|木马|远控|嗅探|拦截器)[^\n]{0,10}(?:出售|销售|专卖|批发|有货|现货|货源|发货|包邮|货到付款|价格|价钱|多少钱|渠道|供应|加微|加v|加赖|加line|私聊|私信|私讯|联系我|联系方式|代装|免费试用) | name=surveillance-trade-after
regex: (?:监控|监听|查看|偷看|同步|窃取|获取)(?:对方|他人|别人|老公|老婆|男友|女友|女朋友|男朋友|对象)[^\n]{0,6}(?:手机|微信|聊天记录|短信|通话|位置|定位|qq) | name=surveillance-partner
regex: (?:不接触|无需接触|不用接触|免接触|无需对方)[^\n]{0,8}(?:手机|安装|监控|定位|查看) | name=surveillance-no-touch
regex: (?:隐蔽|隐形|偷偷|秘密|偷装)[^\n]{0,4}(?:安装|定位|跟踪|追踪|装在|监听) | name=surveillance-covert
regex: (?-u:\b)(?:spy|monitor|track|read|hack)(?-u:\b)[^\n]{0,12}(?-u:\b)(?:partner|wife|husband|girlfriend|boyfriend|spouse|someone)(?-u:\b)[^\n]{0,6}(?-u:\b)(?:phone|whatsap{1,2}|texts?|messages|location)(?-u:\b) | name=surveillance-partner-en
allow: 防窃听
allow: 反窃听
allow: 防偷拍
allow: 反偷拍
allow: 检测偷拍
allow: 查杀木马
allow: 木马查杀
allow: 防木马
allow: 杀毒软件
allow: 木马病毒查杀
allow: 家长控制
allow: 查找我的iphone
allow: 查找手机
allow: 防止手机被监控
allow: 手机被监控了怎么办
