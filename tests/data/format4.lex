# A small lexicon saved by format version 4 (tests/data/format4.jwf): whole words, plurals,
# split-character and pinyin variants, a reduplicated term, allow entries and rules.
代开发票
fake invoice

[firearms severity=high]
枪支
弹药
出售枪支 | severity=critical
gun | substring
rifle
军火 | pinyin
allow: 水枪
allow: water gun

[narcotics severity=critical pinyin]
冰毒
meth | word
哥哥货

[contact severity=low]
qq号 | novariants category=contact-info
regex: 出售.{0,10}[枪弹] | name=sell-gun severity=high category=firearms
all: 代办 & 身份证 ! 挂失 ! 补办 | name=fake-id severity=high
all: 出售 & 枪支 within 10 | severity=critical category=firearms
