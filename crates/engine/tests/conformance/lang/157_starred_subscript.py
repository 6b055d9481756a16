# A starred expression in a subscript makes the key a tuple (Python 3.11).
d = {(1, 2): "a", (3,): "b", (): "empty"}
t = (1, 2)
print(d[*t], d[*[3]], d[*t,], d[*()])


class Show:
    def __getitem__(self, key):
        return key


s = Show()
print(s[*t], s[*t, 3], s[0, *t], s[*"ab"])
