# arbitrary attributes on functions live in __dict__; a counter decorator uses one
def counted(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@counted
def double(x):
    return 2 * x
double(1)
double(2)
print(double.calls, double.__dict__, hasattr(double, "missing"))
double.label = "x2"
print(sorted(double.__dict__), getattr(double, "label"))
try:
    double.missing
except AttributeError as e:
    print("AttributeError:", e)
