# Forged identity documents, certificates, licences, seals and invoices (办证、假证、刻章、代开发票).
# 身份证, 驾驶证, 发票 and 毕业证 are everyday words ("身份证丢了怎么补办", "发票怎么开"): they only fire
# with trade or forging words next to them; the 补办/挂失 wording of real offices is allowed.

[forgery severity=high]
办假证
假证
做假证
制作假证
假证制作
假证出售
假身份证
假驾驶证
假驾照
假学历
假毕业证
假文凭
假结婚证
假离婚证
假房产证
假户口本
假护照
假营业执照
假公章
假章
假发票
高仿身份证
高仿证件
伪造证件
仿真证件
证件制作
证件办理加急
办证电话
办证刻章
办证加微信
代办身份证
代办假证
代办驾驶证
代办学历
代办毕业证
代办文凭
代办户口
代办结婚证
代办离婚证
代办房产证
驾照不用考
免考驾照
免考拿证
包过拿证
驾照销分
驾照代扣分
代扣分
驾驶证销分
学历不用考
学信网可查
学信网可查学历
学历可查
文凭可查
文凭代办
文凭办理
毕业证办理
毕业证制作
学位证制作
证书制作
# 各种证件 alone is ordinary ("my name is on all my documents"); only offers to make or handle them.
办各种证件
办理各种证件
代办各种证件
制作各种证件
各种证件办理
各种证件制作
办各类证件
办理各类证件
代办各类证件
制作各类证件
各类证件办理
各类证件制作
私刻公章
刻章办证
代刻公章
公章制作
印章制作出售
发票代开
代开发票 | pinyin
代开增值税发票
代开专票
代开普票
出售发票
发票出售
出售增值税发票
增值税发票出售
专票出售
普票出售
发票抵扣
有票点数
开票点数
票点优惠
虚开发票
虚开增值税
真票代开
各类发票
机打发票代开
# --- English
fake passport
fake passports
fake driver's license
fake driving licence
novelty id
scannable fake id
fake diploma
fake degree certificate
buy a degree
counterfeit documents
forged documents
fake documents for sale
real and fake passports

[forgery severity=high]
regex: (?:出售|收购|批发|卖|买|做|制作|代做|办|代办)(?:各类|各种|高仿|假|仿真|全套)(?:身份证|驾驶证|驾照|行驶证|户口本|结婚证|离婚证|房产证|毕业证|学位证|学历证|文凭|职称证|资格证|公章|印章|发票|增值税发票|专票|普票|证件) | name=forgery-fake-qualifier
regex: (?:出售|收购|批发|卖|代开)(?:身份证|驾驶证|驾照|行驶证|户口本|结婚证|离婚证|房产证|毕业证|学位证|学历证|文凭|职称证|资格证|公章|印章|发票|增值税发票|专票|普票) | name=forgery-trade-before
regex: (?:代办|代做|快速办|加急办|包办|专办)[^\n]{0,4}(?:身份证|毕业证|学位证|学历证|文凭|结婚证|离婚证|职称证|驾驶证) | name=forgery-agent
regex: (?:身份证|驾驶证|驾照|毕业证|学位证|学历|文凭|资格证|发票|专票|普票)[^\n]{0,6}(?:代办|包过|免考|可查|货到付款|点数|几个点) | name=forgery-trade-after
regex: (?:开|代开|出)[^\n]{0,4}(?:发票|专票|普票)[^\n]{0,8}(?:点数|个点|票点|加微|加v) | name=forgery-invoice-points
regex: (?-u:\b)(?:fake|forged|counterfeit|novelty|scan{1,2}able|real and fake|registered)(?-u:\b)[^\n]{0,12}(?-u:\b)(?:pas{1,2}ports?|ids?|id cards?|driver'?s licen[cs]es?|driving licen[cs]es?|diplomas?|degrees?|certificates?|visas?|residence permits?)(?-u:\b)[^\n]{0,30}(?-u:\b)(?:(?:for ?|4 ?)sale|sel{1,2}|buy|order|dm|whatsap{1,2}|telegram|contact)(?-u:\b) | name=forgery-en
regex: (?-u:\b)(?:sel{1,2}|sel{1,2}ing|sells|buy|buying|order|(?:for ?|4 ?)sale)(?-u:\b)[^\n]{0,12}(?-u:\b)(?:fake|forged|counterfeit|novelty|scan{1,2}able|real and fake|registered)(?-u:\b)[^\n]{0,12}(?-u:\b)(?:pas{1,2}ports?|ids?|id cards?|driver'?s licen[cs]es?|driving licen[cs]es?|diplomas?|degrees?|certificates?|visas?|residence permits?|documents?)(?-u:\b) | name=forgery-en-before
all: 发票 & 点数 within 12 | name=forgery-invoice-points-2
all: 证件 & 包过 within 12 | name=forgery-certificate-pass

[forgery severity=medium]
代办驾照
代办护照
代办资格证
刻章
刻私章
刻公章
代办证件
证件代办
allow: 身份证补办
allow: 补办身份证
allow: 身份证挂失
allow: 办理身份证需要
allow: 身份证办理流程
allow: 办身份证需要
allow: 派出所办理
allow: 户籍窗口
allow: 车管所
allow: 政务服务
allow: 办理护照需要
allow: 发票怎么开
allow: 开具发票
allow: 开增值税发票
allow: 能开发票吗
allow: 可以开发票
allow: 提供发票
allow: 发票抬头
allow: 电子发票
allow: 发票丢了
allow: 索要发票
allow: 补开发票
allow: 发票已开
allow: 开了发票
allow: 开不了发票
allow: 没开发票
allow: 不开发票
allow: 给开发票
allow: 出具发票
allow: 发票报销
allow: 办证大厅
allow: 办证中心
allow: 办证难
allow: 出入境
allow: 学信网查询
allow: 识别假证
allow: 辨别假币
allow: 识别假币
