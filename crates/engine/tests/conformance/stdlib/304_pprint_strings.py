# pprint splits long strings into implicitly joined pieces at word boundaries
import pprint
s = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore."
pprint.pprint(s, width=40)
pprint.pprint([s], width=50)
pprint.pprint({"text": s + "\nsecond line here"}, width=45)
pprint.pprint("short")
