"""Strings of the exercise checks (``check("q1")``) and of answer comparison.

The comparison messages are shared with the grader's feedback files, so a public test
reads the same in the notebook and in the feedback.
"""

STRINGS = {
    # Values in feedback.
    "checker.describe_array": {
        "en": "{value} (shape {shape}, dtype {dtype})",
        "sv": "{value} (form {shape}, dtype {dtype})",
    },
    "checker.describe_value": {"en": "{value} ({type})", "sv": "{value} ({type})"},
    "checker.mismatch": {
        "en": "{problem}\nexpected: {expected}\nreceived: {received}",
        "sv": "{problem}\nväntat: {expected}\nditt svar: {received}",
    },
    # What is wrong with an answer.
    "checker.wrong_value": {"en": "wrong value", "sv": "fel värde"},
    "checker.wrong_value_plain": {"en": "wrong answer", "sv": "fel svar"},
    "checker.wrong_type": {
        "en": "expected {expected}, but received {received}",
        "sv": "väntat: {expected}; ditt svar: {received}",
    },
    "checker.wrong_kind": {
        "en": "wrong kind of numbers: expected {expected}, but received {received}",
        "sv": "fel sorts tal (väntat: {expected}; ditt svar: {received})",
    },
    "checker.wrong_shape": {
        "en": "wrong shape: expected {expected}, but received {received}",
        "sv": "fel form (väntat: {expected}; ditt svar: {received})",
    },
    "checker.wrong_length": {
        "en": "wrong length: expected {expected} elements, but received {received}",
        "sv": "fel längd (väntat: {expected} element; ditt svar: {received})",
    },
    "checker.wrong_keys": {
        "en": "wrong keys: expected {expected}, but received {received}",
        "sv": "fel nycklar (väntat: {expected}; ditt svar: {received})",
    },
    "checker.at": {"en": "at {where}: {problem}", "sv": "vid {where}: {problem}"},
    "checker.nan_scalar": {
        "en": "your answer is NaN (not a number)",
        "sv": "ditt svar är NaN (inte ett tal)",
    },
    "checker.nan_array": {
        "en": "your answer contains NaN (not a number), first at index {index}",
        "sv": "ditt svar innehåller NaN (inte ett tal), första gången vid index {index}",
    },
    "checker.wrong_entries": {
        "en": "{count} of {size} entries are wrong, the first at index {index}",
        "sv": "{count} av {size} element är fel, det första vid index {index}",
    },
    "checker.wrong_entries_diff": {
        "en": "{count} of {size} entries are wrong; the largest difference is {diff}, at index {index}",
        "sv": "{count} av {size} element är fel; den största skillnaden är {diff}, vid index {index}",
    },
    "checker.too_deep": {
        "en": "the answer is nested too deeply to compare",
        "sv": "svaret är för djupt nästlat för att kunna jämföras",
    },
    "checker.compare_error": {
        "en": "could not compare the answer: {error}",
        "sv": "kunde inte jämföra svaret: {error}",
    },
    "checker.raised": {
        "en": "your code raised {type}: {message}",
        "sv": "din kod gav felet {type}: {message}",
    },
    "checker.raised_float": {
        "en": "your code raised {type}: {message}\n"
        "In this question an overflow, a division by zero or an invalid operation (such as inf - inf) "
        "counts as an error, even in a value your code throws away afterwards: np.where computes both "
        "of its branches for every entry before it chooses, so the branch it does not choose must be "
        "safe too.",
        "sv": "din kod gav felet {type}: {message}\n"
        "I den här frågan räknas överspill, division med noll och ogiltiga operationer (som inf - inf) "
        "som fel, även i ett värde som din kod sedan kastar bort: np.where räknar ut båda sina grenar "
        "för varje element innan den väljer, så även grenen som inte väljs måste vara säker.",
    },
    "checker.likely_cause": {"en": "Likely cause: {cause}", "sv": "Trolig orsak: {cause}"},
    # Types and kinds of numbers, as they appear inside the messages above.
    "checker.type_none": {"en": "None", "sv": "None"},
    "checker.type_bool": {"en": "True or False (bool)", "sv": "True eller False (bool)"},
    "checker.type_int": {"en": "an integer (int)", "sv": "ett heltal (int)"},
    "checker.type_float": {"en": "a number (float)", "sv": "ett tal (float)"},
    "checker.type_complex": {"en": "a complex number", "sv": "ett komplext tal"},
    "checker.type_str": {"en": "a string (str)", "sv": "en sträng (str)"},
    "checker.type_list": {"en": "a list", "sv": "en lista"},
    "checker.type_tuple": {"en": "a tuple", "sv": "en tupel"},
    "checker.type_dict": {"en": "a dict", "sv": "en dict (uppslagstabell)"},
    "checker.type_array_of": {"en": "an array of {kind}", "sv": "en array med {kind}"},
    "checker.type_other": {"en": "an object of type {name}", "sv": "ett objekt av typen {name}"},
    "checker.kind_float": {"en": "decimal numbers (float)", "sv": "decimaltal (float)"},
    "checker.kind_int": {"en": "integers (int)", "sv": "heltal (int)"},
    "checker.kind_bool": {"en": "True/False values (bool)", "sv": "sanningsvärden (bool)"},
    "checker.kind_complex": {"en": "complex numbers", "sv": "komplexa tal"},
    "checker.kind_str": {"en": "strings", "sv": "strängar"},
    "checker.kind_other": {"en": "other values", "sv": "andra värden"},
    # Answers that cannot be sent back for grading (see course.grader.codec).
    "checker.unsupported_type": {
        "en": "your answer cannot be graded: an object of type {detail} is not a number, string, array, list, "
        "tuple or dict",
        "sv": "ditt svar kan inte rättas: ett objekt av typen {detail} är inte ett tal, en sträng, en array, "
        "en lista, en tupel eller en dict",
    },
    "checker.unsupported_dtype": {
        "en": "your answer cannot be graded: an array with dtype {detail} (use numbers)",
        "sv": "ditt svar kan inte rättas: en array med dtype {detail} (använd tal)",
    },
    "checker.unsupported_key": {
        "en": "your answer cannot be graded: the dict key {detail} is not a string or a number",
        "sv": "ditt svar kan inte rättas: nyckeln {detail} i din dict är varken en sträng eller ett tal",
    },
    "checker.unsupported_too_large": {
        "en": "your answer is too large to grade ({detail})",
        "sv": "ditt svar är för stort för att rättas ({detail})",
    },
    "checker.unsupported_too_deep": {
        "en": "your answer is nested too deeply to grade",
        "sv": "ditt svar är för djupt nästlat för att kunna rättas",
    },
    # Test names.
    "checker.label_test": {"en": "test {number}", "sv": "testfall {number}"},
    "checker.label_public": {"en": "public test {number}", "sv": "publikt testfall {number}"},
    "checker.label_hidden": {"en": "hidden test {number}", "sv": "dolt testfall {number}"},
    "checker.label_value": {"en": "the value of {name}", "sv": "värdet av {name}"},
    "checker.label_weighted": {"en": "{label} (counts {weight} times)", "sv": "{label} (räknas {weight} gånger)"},
    # The summary line of a check.
    "checker.summary_all": {
        "en": "{qid} ({name}): all {total} public tests passed",
        "sv": "{qid} ({name}): alla {total} publika tester klarades",
    },
    "checker.summary_one": {
        "en": "{qid} ({name}): the public test passed",
        "sv": "{qid} ({name}): det publika testet klarades",
    },
    "checker.summary_one_failed": {
        "en": "{qid} ({name}): the public test failed",
        "sv": "{qid} ({name}): det publika testet misslyckades",
    },
    "checker.summary_some": {
        "en": "{qid} ({name}): {passed} of {total} public tests passed",
        "sv": "{qid} ({name}): {passed} av {total} publika tester klarades",
    },
    "checker.summary_value_ok": {
        "en": "{qid} ({name}): the value is right",
        "sv": "{qid} ({name}): värdet är rätt",
    },
    "checker.summary_value_wrong": {
        "en": "{qid} ({name}): the value is not right yet",
        "sv": "{qid} ({name}): värdet är inte rätt än",
    },
    "checker.not_answered_function": {
        "en": "{qid} ({name}): not answered yet. Replace raise NotImplementedError(...) with your code, "
        "run that cell, then run this check again.",
        "sv": "{qid} ({name}): inte besvarad än. Ersätt raise NotImplementedError(...) med din kod, "
        "kör den cellen och kör sedan den här kontrollen igen.",
    },
    "checker.not_answered_variable": {
        "en": "{qid} ({name}): not answered yet. Give {name} its value in the cell above, run that cell, "
        "then run this check again.",
        "sv": "{qid} ({name}): inte besvarad än. Ge {name} ett värde i cellen ovanför, kör den cellen "
        "och kör sedan den här kontrollen igen.",
    },
    "checker.missing_function": {
        "en": "{qid} ({name}): {name} is not defined. Run the cell where you define it (or all cells above), "
        "then run this check again.",
        "sv": "{qid} ({name}): {name} är inte definierad. Kör cellen där du definierar den (eller alla "
        "celler ovanför) och kör sedan den här kontrollen igen.",
    },
    "checker.not_callable": {
        "en": "{qid} ({name}): {name} should be a function, but it is {type}.",
        "sv": "{qid} ({name}): {name} ska vara en funktion, men är {type}.",
    },
    "checker.no_public": {
        "en": "{qid} ({name}): this question has no public tests; it is tested when the exercise is graded.",
        "sv": "{qid} ({name}): den här frågan har inga publika tester; den testas när övningen rättas.",
    },
    "checker.hint": {"en": "Hint: {hint}", "sv": "Ledtråd: {hint}"},
    "checker.hidden_note": {
        "en": "When the exercise is graded, more tests of the same kind are run, so make sure your code "
        "works for other inputs too.",
        "sv": "När övningen rättas körs fler tester av samma slag, så se till att din kod fungerar för "
        "andra indata också.",
    },
    "checker.passed": {"en": "passed", "sv": "klarades"},
    "checker.failed": {"en": "failed", "sv": "misslyckades"},
}
