# a relative import inside a function fails only when the function runs
def load():
    from .helpers import tool
    return tool
print("defined fine")
try:
    load()
except ImportError as e:
    print("ImportError:", e)
