# An exception raised deep inside nested calls, never caught.
def level3(d):
    return d["missing"]

def level2(d):
    return level3(d) + 1

def level1():
    print("level1 starts")
    try:
        return level2({})
    finally:
        print("level1 finally")

level1()
