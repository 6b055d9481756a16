# A bare raise re-raises the exception being handled.
def risky():
    raise RuntimeError("original")

def wrapper():
    try:
        risky()
    except RuntimeError:
        print("logging, then re-raising")
        raise

try:
    wrapper()
except RuntimeError as e:
    print("caught again:", e)

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
