# A small lexicon for the command-line tests.
[firearms severity=high]
枪支
gun
allow: 水枪

[drugs severity=critical]
冰毒

[contact severity=low]
regex: 1[3-9]\d{9} | name=mobile
