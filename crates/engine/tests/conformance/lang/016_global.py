# global declarations rebind module-level names.
counter = 0

def bump():
    global counter
    counter += 1

for _ in range(3):
    bump()
print(counter)

def create():
    global created
    created = "new global"

create()
print(created)

value = "module"
def shadow():
    value = "local"
    return value
print(shadow(), value)
