x = 1; y = 2;
if x: y = 3
while False: pass
for i in []: print(i); break
def f(): return 1
class A: pass
try: pass
except: pass
with a: pass
