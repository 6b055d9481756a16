# sub with group references \1, \g<1>, \g<name> and escapes in the template.
import re
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world, good day"))
print(re.sub(r"(?P<first>\w+)@(\w+)", r"\g<2>:\g<first>", "joe@home ann@work"))
print(re.sub(r"-", r"\n", "a-b"))
print(re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.sub(r"\s+", " ", "  too   many    spaces "))
