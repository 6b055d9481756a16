# textwrap.fill with initial and subsequent indents
import textwrap
text = "Asynchronous programming lets one thread juggle many waiting tasks, switching whenever a task awaits something slow."
print(textwrap.fill(text, width=40))
print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.fill(text, 30, initial_indent="Note: ", subsequent_indent="      "))
