# pprint of tuples (including 1-tuples), sets and frozensets (sorted), empty containers
import pprint
pprint.pprint(tuple(range(30)))
pprint.pprint((["a" * 40],), width=30)
pprint.pprint(set(range(30)), width=40)
pprint.pprint(frozenset({"pear", "apple", "fig", "kiwi", "banana", "cherry", "grape"}), width=30)
pprint.pprint((set(), frozenset(), (), [], {}))
