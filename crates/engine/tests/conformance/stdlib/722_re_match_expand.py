# Match.expand fills a template from the match.
import re
m = re.match(r"(?P<name>\w+) is (\d+)", "Ann is 30")
print(m.expand(r"\g<name> (\2)"), m.expand(r"\1!"))
