# A Match's repr, and a failed match being None (tested with if).
import re
m = re.search(r"b+", "abbbc")
print(repr(m))
if re.match("x", "abc"):
    print("matched")
else:
    print("no match")
print(re.search("", "abc"))
