# copy.deepcopy keeps shared references shared and copies cycles without looping forever
import copy
shared = [0]
a = [shared, shared]
b = copy.deepcopy(a)
print(b[0] is b[1], b[0] is shared)
cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[1] is c2, c2 is not cyc, c2[0])
d = {"self": None}
d["self"] = d
d2 = copy.deepcopy(d)
print(d2["self"] is d2)
memo = {}
x = copy.deepcopy([shared], memo)
print(id(shared) in memo)
