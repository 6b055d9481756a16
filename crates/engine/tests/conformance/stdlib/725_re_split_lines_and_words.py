# A common idiom: tokenizing text with findall and split.
import re
text = "The year 2024: 12 months, 365 days."
print(re.findall(r"[A-Za-z]+", text))
print([int(n) for n in re.findall(r"\d+", text)])
print(re.split(r"\W+", text))
