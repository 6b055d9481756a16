# bytearray is mutable: append/extend/insert/pop/remove/reverse/clear and item assignment
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba.insert(0, 64)
print(ba, ba.pop(), ba.pop(0), len(ba))
ba[0] = 65
ba[-1] = ord("Z")
ba.remove(ord("c"))
print(ba)
ba.reverse()
print(ba, ba.copy(), ba.copy() is ba)
ba.clear()
print(ba, len(ba), bool(ba))
for f in [lambda: ba.pop(), lambda: bytearray(b"a").remove(120), lambda: bytearray(b"a").append(256), lambda: bytearray(2).__setitem__(0, -1), lambda: bytearray(1).__setitem__(5, 0)]:
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
