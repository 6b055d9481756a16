# Greedy and lazy quantifiers, bounded repeats.
import re
print(re.search(r"<.+>", "<a><b>").group(), re.search(r"<.+?>", "<a><b>").group())
print(re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a{2}", "aaaaa"), re.findall(r"ab?", "aab"))
print(re.match(r"(ab)*", "ababx").group(), re.match(r"(ab)*?", "abab").group())
