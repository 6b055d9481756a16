# \d \w \s classes, their negations, ranges and anchors \b \A \Z.
import re
s = "Hi there_42, ok?"
print(re.findall(r"\w+", s), re.findall(r"\W+", s))
print(re.findall(r"\s", "a b\tc\nd"), re.findall(r"\S+", "a b\tc"))
print(re.findall(r"[^a-z ]", "abc DEF 12"), re.findall(r"[]a]", "a]b"))
print(re.search(r"\Aab", "ab"), re.search(r"ab\Z", "xab"), re.findall(r"\bt\w*", "the cat tip"))
