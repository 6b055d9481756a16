# pprint.pp (unsorted dicts), saferepr, isreadable, isrecursive, underscore_numbers, PrettyPrinter
import pprint
pprint.pp({"b": 1, "a": [2] * 30})
print(pprint.saferepr({"b": 1, "a": 2}), pprint.isreadable([1, "a"]), pprint.isreadable([object]), pprint.isrecursive([1]))
pprint.pprint([10**6, 12345678901], underscore_numbers=True)
pp = pprint.PrettyPrinter(indent=2, width=30)
pp.pprint({"key": list(range(12))})
print(pp.pformat((1, 2)))
for bad in ({"indent": -1}, {"width": 0}, {"depth": 0}):
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print("ValueError", e)
