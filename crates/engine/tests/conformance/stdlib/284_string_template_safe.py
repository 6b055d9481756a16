# Template.safe_substitute leaves unknown or invalid placeholders; get_identifiers and is_valid
from string import Template
t = Template("$who owes $$$amount to ${whom} $")
print(t.safe_substitute(who="Al"))
print(t.safe_substitute({"amount": 5}, whom="Bo"))
print(Template("$a ${b} $a $c").get_identifiers(), Template("$a").is_valid(), Template("$").is_valid())
