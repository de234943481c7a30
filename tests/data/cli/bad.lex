# Two bad lines and one good one.
gun | foo
枪支
[]
