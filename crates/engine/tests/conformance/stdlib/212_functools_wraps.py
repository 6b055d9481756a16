# functools.wraps copies __name__, __qualname__, __doc__, __module__, __dict__ and sets __wrapped__
import functools
def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__)
        return func(*args, **kwargs)
    return wrapper
class Box:
    @logged
    def size(self):
        "Return the size."
        return 3
def tagged(x):
    "tagged doc"
    return x
tagged.tag = "T"
w = logged(tagged)
print(Box().size(), Box.size.__name__, Box.size.__qualname__, Box.size.__doc__, Box.size.__module__)
print(w.__name__, w.__doc__, w.tag, w.__wrapped__ is tagged, w(5))
