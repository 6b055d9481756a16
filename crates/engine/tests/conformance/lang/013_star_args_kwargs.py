# *args and **kwargs parameters.
def show(*args, **kwargs):
    print("args:", args)
    print("kwargs:", kwargs)

show()
show(1, 2, 3)
show(a=1, b=2)
show(1, "two", three=3)

def total(first, *rest):
    return first + sum(rest)

print(total(1), total(1, 2, 3))

def config(name, **options):
    for key in sorted(options):
        print(name, key, options[key])

config("db", port=5432, host="localhost")
