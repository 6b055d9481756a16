# UnboundLocalError: assignment later in the function makes the name local.
count = 10

def broken():
    print(count)
    count = 1

try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

def fixed():
    global count
    count += 1
    return count

print(fixed())

def deleted():
    x = 1
    del x
    return x

try:
    deleted()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(issubclass(UnboundLocalError, NameError))
