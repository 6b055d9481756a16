# functools.wraps copies __name__, __qualname__, __doc__, __module__, __annotations__ and sets __wrapped__
import functools
def traced(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("  calling", wrapper.__name__)
        return fn(*args, **kwargs)
    return wrapper
@traced
def greet(name: str) -> str:
    """Say hello."""
    return "hello " + name
print(greet("ada"), greet.__name__, greet.__doc__, greet.__qualname__)
print(greet.__annotations__, greet.__wrapped__.__name__, greet.__wrapped__("bob"))
print(greet.__wrapped__ is not greet, greet.__module__)
def bare(fn):
    def wrapper():
        return fn()
    return wrapper
@bare
def undecorated():
    "doc"
print(undecorated.__name__, undecorated.__doc__, hasattr(undecorated, "__wrapped__"))
