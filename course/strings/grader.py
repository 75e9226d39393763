"""Strings of the batch grader: reasons in report.json and the students' feedback files."""

STRINGS = {
    # Why a test failed without a value to compare.
    "grader.not_answered": {"en": "not answered", "sv": "inte besvarad"},
    "grader.missing": {
        "en": "{name} is not defined in the notebook",
        "sv": "{name} är inte definierad i din notebook",
    },
    "grader.not_callable": {
        "en": "{name} should be a function, but it is {type}",
        "sv": "{name} ska vara en funktion, men är {type}",
    },
    "grader.case_timeout": {
        "en": "stopped after {seconds} s (an endless loop?)",
        "sv": "avbröts efter {seconds} s (en oändlig loop?)",
    },
    "grader.skipped": {
        "en": "not run: an earlier test of {name} was stopped for taking too long",
        "sv": "kördes inte: ett tidigare test av {name} avbröts för att det tog för lång tid",
    },
    "grader.no_result_timeout": {
        "en": "not run: the notebook was stopped after {seconds} s",
        "sv": "kördes inte: din notebook avbröts efter {seconds} s",
    },
    "grader.no_result": {"en": "not run: {reason}", "sv": "kördes inte: {reason}"},
    "grader.bad_result": {
        "en": "the grading process sent a malformed result",
        "sv": "rättningsprocessen skickade ett felaktigt resultat",
    },
    "grader.cell_timeout": {
        "en": "stopped after {seconds} s (an endless loop?)",
        "sv": "avbröts efter {seconds} s (en oändlig loop?)",
    },
    # Why a whole submission was not graded normally.
    "grader.reason_timeout": {
        "en": "the notebook was stopped after {seconds} s; tests that had not run by then score 0",
        "sv": "din notebook avbröts efter {seconds} s; tester som inte hade körts då ger 0 poäng",
    },
    "grader.reason_protocol": {
        "en": "the grading process sent malformed results (did the notebook write to its file descriptors?), "
        "so none of its results count",
        "sv": "rättningsprocessen skickade felaktiga resultat (skrev din notebook till sina fildeskriptorer?), "
        "så inga av dess resultat räknas",
    },
    "grader.crash_killed": {
        "en": "the process running the notebook was killed, most likely because it used more than {memory} MB of memory",
        "sv": "processen som körde din notebook stoppades, troligen för att den använde mer än {memory} MB minne",
    },
    "grader.crash_cpu": {
        "en": "the notebook used more than {seconds} s of processor time",
        "sv": "din notebook använde mer än {seconds} s processortid",
    },
    "grader.crash_signal": {
        "en": "the process running the notebook crashed ({signal})",
        "sv": "processen som körde din notebook kraschade ({signal})",
    },
    "grader.crash_exit": {
        "en": "the notebook ended the grading process early (exit code {code})",
        "sv": "din notebook avslutade rättningsprocessen i förtid (returkod {code})",
    },
    "grader.empty_file": {"en": "the file is empty", "sv": "filen är tom"},
    "grader.not_utf8": {
        "en": "the file is not text (UTF-8), so it is not a notebook",
        "sv": "filen är inte text (UTF-8) och alltså ingen notebook",
    },
    "grader.invalid_json": {
        "en": "the file is not valid JSON, so Jupyter cannot open it as a notebook ({error})",
        "sv": "filen är inte giltig JSON, så Jupyter kan inte öppna den som en notebook ({error})",
    },
    "grader.not_notebook": {
        "en": "the file is JSON but not a Jupyter notebook (it has no list of cells)",
        "sv": "filen är JSON men ingen Jupyter-notebook (den har ingen lista med celler)",
    },
    "grader.no_code": {"en": "the notebook has no code cells", "sv": "din notebook har inga kodceller"},
    "grader.too_large": {"en": "the file is larger than {limit} MB", "sv": "filen är större än {limit} MB"},
    # Inputs that were not graded (report.json, for the teacher).
    "grader.unsafe_path": {
        "en": "refused: the path inside the zip file leaves the folder it would be unpacked to",
        "sv": "vägrades: sökvägen i zip-filen pekar ut ur mappen som den skulle packas upp i",
    },
    "grader.not_ipynb": {"en": "ignored: not a notebook (.ipynb)", "sv": "hoppades över: ingen notebook (.ipynb)"},
    "grader.nested_zip": {
        "en": "ignored: a zip file inside a zip file inside a zip file",
        "sv": "hoppades över: en zip-fil i en zip-fil i en zip-fil",
    },
    "grader.bad_zip": {"en": "not a valid zip file ({error})", "sv": "ingen giltig zip-fil ({error})"},
    "grader.zip_limit": {
        "en": "only the first {limit} entries of the zip file were read",
        "sv": "bara de första {limit} posterna i zip-filen lästes",
    },
    "grader.student_budget": {
        "en": "not read: this upload holds more than {limit} MB in all (the limit per student)",
        "sv": "lästes inte: den här inlämningen innehåller mer än {limit} MB sammanlagt (gränsen per student)",
    },
    "grader.symlink": {
        "en": "refused: a symbolic link (it points to another file or folder), not something handed in",
        "sv": "vägrades: en symbolisk länk (den pekar på en annan fil eller mapp), inte något som lämnats in",
    },
    "grader.too_many_cells": {
        "en": "the notebook has {count} cells; at most {limit} are graded",
        "sv": "din notebook har {count} celler; högst {limit} rättas",
    },
    "grader.internal": {
        "en": "the grader could not process this submission ({error}); please report this to the course",
        "sv": "rättningen kunde inte hantera den här inlämningen ({error}); rapportera det gärna till kursen",
    },
    "grader.crash_server": {
        "en": "the grading server stopped while this notebook ran ({detail})",
        "sv": "rättningsservern stannade medan din notebook kördes ({detail})",
    },
    "grader.metadata_id": {
        "en": "{file}: the notebook's metadata names the student {claimed}, but it was handed in as {student}; "
        "graded as {student}",
        "sv": "{file}: notebookens metadata anger studenten {claimed}, men den lämnades in som {student}; "
        "rättad som {student}",
    },
    "grader.isolation_process": {
        "en": "graded with --isolation=process: the notebook ran without the operating system's sandbox "
        "(bubblewrap), guarded only from inside Python, which a determined student can get around",
        "sv": "rättad med --isolation=process: din notebook kördes utan operativsystemets sandlåda "
        "(bubblewrap), skyddad bara inifrån Python, vilket en beslutsam student kan ta sig runt",
    },
    "grader.unreadable": {"en": "could not read the file ({error})", "sv": "filen kunde inte läsas ({error})"},
    "grader.duplicate_id": {
        "en": "{count} submissions have the student id {student}; they are listed as {ids}",
        "sv": "{count} inlämningar har student-id {student}; de listas som {ids}",
    },
    # The feedback file.
    "grader.fb_title": {"en": "Feedback: {title}", "sv": "Återkoppling: {title}"},
    "grader.fb_exercise": {"en": "Exercise {number}: {title}", "sv": "Övning {number}: {title}"},
    "grader.fb_student": {"en": "Student: {student}", "sv": "Student: {student}"},
    "grader.fb_file": {"en": "File: {file}", "sv": "Fil: {file}"},
    "grader.fb_points": {"en": "Points: {points} of {max}", "sv": "Poäng: {points} av {max}"},
    "grader.fb_of": {"en": "{points} of {max}", "sv": "{points} av {max}"},
    "grader.fb_intro": {
        "en": "Your notebook was run from top to bottom in a fresh Python process, and every answer was tested "
        "with the public tests (the ones check() runs) and with hidden tests of the same kind. The points of a "
        "question are shared between its tests; a test of the case a question is about may count several times, "
        "as it says beside the test.",
        "sv": "Din notebook kördes uppifrån och ned i en ny Python-process, och varje svar testades med de publika "
        "testerna (de som check() kör) och med dolda tester av samma slag. En frågas poäng delas mellan dess "
        "tester; ett test av det fall som frågan handlar om kan räknas flera gånger, vilket står vid testet.",
    },
    "grader.fb_note": {"en": "Note: {reason}.", "sv": "Observera: {reason}."},
    "grader.fb_question": {"en": "Question", "sv": "Fråga"},
    "grader.fb_points_column": {"en": "Points", "sv": "Poäng"},
    "grader.fb_tests_column": {"en": "Tests passed", "sv": "Klarade tester"},
    "grader.fb_question_heading": {"en": "{qid} ({name}): {points} of {max} points", "sv": "{qid} ({name}): {points} av {max} poäng"},
    "grader.fb_hint": {"en": "Hint: {hint}", "sv": "Ledtråd: {hint}"},
    "grader.fb_cells": {"en": "Problems while running your notebook", "sv": "Problem när din notebook kördes"},
    "grader.fb_cells_intro": {
        "en": "These cells raised an error; fix them first. The grader went on with the next cell, but names they "
        "should have defined may be missing, and the questions below that need them say so.",
        "sv": "De här cellerna gav ett fel; åtgärda dem först. Rättningen fortsatte med nästa cell, men namn som de "
        "skulle ha definierat kan saknas, och frågorna nedan som behöver dem säger det.",
    },
    "grader.fb_cell": {"en": "cell {cell}", "sv": "cell {cell}"},
    "grader.fb_cell_raised": {"en": "cell {cell} raised {error}", "sv": "cell {cell} gav felet {error}"},
    "grader.fb_and": {"en": "and", "sv": "och"},
    "grader.fb_missing_because": {
        "en": "{name} is not defined: {cells} (see above), so none of the {count} tests could run",
        "sv": "{name} är inte definierad: {cells} (se ovan), så inget av de {count} testerna kunde köras",
    },
    "grader.fb_all_tests": {"en": "all {count} tests:", "sv": "alla {count} tester:"},
    # Status words (the class report).
    "grader.status_graded": {"en": "graded", "sv": "rättad"},
    "grader.status_timeout": {"en": "stopped at the time limit", "sv": "avbruten vid tidsgränsen"},
    "grader.status_crashed": {"en": "crashed", "sv": "kraschade"},
    "grader.status_protocol": {"en": "malformed results", "sv": "felaktiga resultat"},
    "grader.status_invalid": {"en": "not a gradable notebook", "sv": "ingen notebook som kan rättas"},
    # The class report (class_report.html and class_report.md, for the teacher).
    "grader.cr_title": {"en": "Class report: {title}", "sv": "Klassrapport: {title}"},
    "grader.cr_submissions": {"en": "Submissions", "sv": "Inlämningar"},
    "grader.cr_max": {"en": "Maximum", "sv": "Maxpoäng"},
    "grader.cr_mean": {"en": "Mean", "sv": "Medelvärde"},
    "grader.cr_median": {"en": "Median", "sv": "Medianpoäng"},
    "grader.cr_duration": {"en": "Grading took", "sv": "Rättningen tog"},
    "grader.cr_minutes": {"en": "{minutes} min {seconds} s", "sv": "{minutes} min och {seconds} s"},
    "grader.cr_limits": {"en": "Limits per submission", "sv": "Gränser per inlämning"},
    "grader.cr_isolation": {"en": "Isolation", "sv": "Isolering"},
    "grader.cr_isolation_bwrap": {"en": "a bubblewrap sandbox per submission",
                                  "sv": "en bubblewrap-sandlåda per inlämning"},
    "grader.cr_isolation_process": {
        "en": "a separate process only, without the operating system's sandbox",
        "sv": "bara en separat process, utan operativsystemets sandlåda",
    },
    "grader.cr_distribution": {"en": "Score distribution", "sv": "Poängfördelning"},
    "grader.cr_distribution_note": {
        "en": "Each bar counts the submissions whose total is at least the bar's lower bound and below its upper "
        "bound; the last bar also counts full marks.",
        "sv": "Varje stapel räknar de inlämningar vars totala poäng är minst stapelns nedre gräns och mindre än "
        "dess övre; den sista stapeln räknar även full poäng.",
    },
    "grader.cr_histogram_title": {"en": "Total points of the submissions", "sv": "Inlämningarnas totala poäng"},
    "grader.cr_points": {"en": "Points", "sv": "Poäng"},
    "grader.cr_questions": {"en": "Questions", "sv": "Frågor"},
    "grader.cr_question": {"en": "Question", "sv": "Fråga"},
    "grader.cr_full": {"en": "Full marks", "sv": "Full poäng"},
    "grader.cr_not_answered": {"en": "Not answered", "sv": "Obesvarade"},
    "grader.cr_means_title": {
        "en": "Mean points as a share of each question's points",
        "sv": "Medelpoängen som andel av varje frågas poäng",
    },
    "grader.cr_not_defined": {
        "en": "Not defined because a cell that defines it raised an error (often a syntax error): {count}",
        "sv": "Inte definierad eftersom en cell som definierar den gav ett fel (ofta ett syntaxfel): {count}",
    },
    "grader.cr_failing": {"en": "Most often failed tests", "sv": "Tester som oftast misslyckades"},
    "grader.cr_failing_base": {
        "en": "Among the submissions that answered the question and ran: {count}.",
        "sv": "Bland inlämningarna som besvarade frågan och kördes: {count}.",
    },
    "grader.cr_test": {"en": "Test", "sv": "Testfall"},
    "grader.cr_failed": {"en": "Failed", "sv": "Misslyckades"},
    "grader.cr_example": {"en": "Example of the message", "sv": "Exempel på meddelandet"},
    "grader.cr_example_inline": {"en": "for example:", "sv": "till exempel:"},
    "grader.cr_no_failing": {
        "en": "No submission that answered the question failed one of its tests.",
        "sv": "Ingen inlämning som besvarade frågan misslyckades med något av dess tester.",
    },
    "grader.cr_misconceptions": {"en": "Known misconceptions recognised", "sv": "Kända missuppfattningar som känts igen"},
    "grader.cr_misconception": {"en": "Misconception", "sv": "Missuppfattning"},
    "grader.cr_message": {"en": "Message to the student", "sv": "Meddelande till studenten"},
    "grader.cr_no_misconceptions": {
        "en": "None of the question's known misconceptions was recognised ({count} listed).",
        "sv": "Ingen av frågans kända missuppfattningar kändes igen ({count} i listan).",
    },
    "grader.cr_no_misconceptions_listed": {
        "en": "The question lists no known misconceptions.",
        "sv": "Frågan har inga kända missuppfattningar i sin lista.",
    },
    "grader.cr_problems": {"en": "Submissions not graded normally", "sv": "Inlämningar som inte rättades normalt"},
    "grader.cr_student": {"en": "Student", "sv": "Student"},
    "grader.cr_status": {"en": "Status", "sv": "Utfall"},
    "grader.cr_reason": {"en": "Reason", "sv": "Orsak"},
    "grader.cr_no_problems": {"en": "Every submission ran to the end.", "sv": "Alla inlämningar kördes till slutet."},
    "grader.cr_cell_errors": {
        "en": "Graded submissions with cells that raised an error (see their feedback files): {count}",
        "sv": "Rättade inlämningar med celler som gav ett fel (se deras återkopplingsfiler): {count}",
    },
    "grader.cr_skipped": {"en": "Files that were not graded", "sv": "Filer som inte rättades"},
    "grader.cr_file": {"en": "File", "sv": "Fil"},
    "grader.cr_warnings": {"en": "Warnings", "sv": "Varningar"},
    "grader.cr_none": {"en": "None.", "sv": "Inga."},
    "grader.cr_footer": {
        "en": "Written by nncourse grade. grades.csv has every student's points; report.json has every test of every "
        "submission; feedback/ has what each student sees.",
        "sv": "Skriven av nncourse grade. grades.csv innehåller varje students poäng; report.json varje test för "
        "varje inlämning; feedback/ det som varje student får se.",
    },
}
