# string.Template: $name and ${name}, $$ escapes, mappings and keywords together
from string import Template
t = Template("$who likes ${what}s, costs $$${price}")
print(t.substitute(who="Tim", what="kung pao", price=10))
print(t.substitute({"who": "Ann", "what": "tea", "price": 2}, price=3))
print(Template("${a}b $a_b $a.b").substitute(a="X", a_b="Y"), t.template)
print(Template("no placeholders").substitute(), Template("$x$y").substitute(x=1, y=[2]))
