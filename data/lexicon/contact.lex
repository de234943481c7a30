# Contact details: phone numbers, QQ and WeChat ids, Telegram handles, URLs and "add me" phrases.
# Low severity: a contact detail alone is legitimate; next to another category it marks an offer.
# The rules are written against the canonical stream: lower case, digits ASCII (壹叁捌 and ①③⑧ are
# already 138), junk between CJK characters dropped, junk between Latin/digit tokens one space, and
# runs of one repeated character collapsed (qq → q, 扣扣 → 扣, www → w, cc → c), so doubled letters
# are written x{1,2}.

[contact severity=low]
# Mainland mobile numbers: 11 digits starting 13-19, single spaces allowed between digits (138 1234 5678),
# an optional +86 / 86 prefix; ASCII word boundaries keep them out of longer digit runs.
regex: (?-u:\b)(?:\+?86 ?)?1[3-9](?: ?\d){9}(?-u:\b) | name=contact-mobile-cn
# Landlines with area code: 010-12345678, 0755 1234 5678.
regex: (?-u:\b)0[1-9]\d{1,2} ?\d{3,4} ?\d{4}(?-u:\b) | name=contact-landline-cn
# QQ numbers after a QQ marker (qq, 扣扣, 企鹅, 球球, 抠抠, 叩叩, q号); 5-11 digits, no leading 0.
regex: (?:(?-u:\b)q{1,2}|扣{1,2}|企鹅|球{1,2}|抠{1,2}|叩{1,2}|蔻{1,2})(?:号|号码|群)?[:： ]?[1-9](?: ?\d){4,10}(?-u:\b) | name=contact-qq
# WeChat ids after a WeChat marker: 6-20 chars, starting with a letter (ids may be letterised by the leet
# folding, which still matches [a-z]).
regex: (?:微信|威信|薇信|徽信|危信|维信|魏信|卫星|加v|加微|薇|溦|(?-u:\b)(?:v信|vx|wx|weixin|wechat))(?:号)?[:： ]?[a-z](?: ?[a-z0-9]){5,19}(?-u:\b) | name=contact-wechat-id
# WeChat or phone given as digits after a WeChat marker.
regex: (?:微信|威信|薇信|加v|加微|薇|(?-u:\b)(?:v信|vx|wx))(?:号)?[:： ]?1[3-9](?: ?\d){9}(?-u:\b) | name=contact-wechat-phone
# Telegram / WhatsApp / Line handles after a marker (纸飞机 and 飞机 are Telegram slang).
regex: (?:(?-u:\b)(?:telegram|tg|whatsap{1,2}|wickr)(?-u:\b)|纸飞机|飞机号|电报号|飞机|加赖|赖id)[:： ]?[a-z](?: ?[a-z0-9]){4,31}(?-u:\b) | name=contact-messenger-handle
# LINE ids after "line id": an ordinary phrase can follow "line", so the id must end in digits.
regex: (?-u:\b)line ?id ?[a-z][a-z0-9]{0,20} ?[0-9]{2,12}(?-u:\b) | name=contact-line-id
regex: (?:(?-u:\b)(?:whatsap{1,2}|wa|call|text|tel|phone)(?-u:\b)|电话|手机|热线)[:： ]?\+?\d(?: ?\d){7,14}(?-u:\b) | name=contact-phone-after-marker
# URLs: a scheme, or www (collapsed to w), or a domain whose dot was replaced by a space, 点 or dot.
regex: (?-u:\b)https? ?[a-z0-9][a-z0-9-]{0,62}(?: [a-z0-9-]{1,63}){0,3} (?:com|net|cn|org|top|xyz|vip|c{1,2}|io|me|info|biz|co|tk|club|shop|site|online|app|tv|hk|tw)(?-u:\b) | name=contact-url-scheme
regex: (?-u:\b)w{1,3} [a-z0-9][a-z0-9-]{1,62} (?:com|net|cn|org|top|xyz|vip|c{1,2}|io|me|info|biz|co|tk|club|shop|site|online|app|tv|hk|tw)(?-u:\b) | name=contact-url-www
regex: (?-u:\b)[a-z0-9][a-z0-9-]{1,62}(?:点|。|dot| dot )(?:com|net|cn|org|top|xyz|vip|c{1,2}|io|me|info|biz|co|tk|club|shop|site|online|app)(?-u:\b) | name=contact-url-dot-word
regex: (?-u:\b)[a-z0-9][a-z0-9-]{1,62} (?:com|cn|xyz|org)(?: cn)?(?-u:\b) | name=contact-url-spaced
# --- "add me / message me" phrases
加我微信
加微信详聊
加微信咨询
加微信了解
有意加微
有意者加微
加薇
加威
加v
加vx
加v信
加我v
加卫星
私聊我
私信我
戳我头像
看我主页
主页有联系方式
联系方式见主页
扫码加我
扫码进群
进群领取
加群领取
飞机联系
纸飞机联系
tg联系
电报联系
dm me
pm me
dm for price
dm for prices
inbox me
text me on whatsapp
whatsapp me
message me on telegram
contact me on telegram
hit me up on telegram
add me on telegram
add me on wickr
allow: 客服电话
allow: 服务热线
allow: 报警电话
allow: 举报电话
allow: 官方网站
