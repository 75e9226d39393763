"""The chapter map: one lesson and one exercise notebook per chapter, same stem in both.

The titles are the ones students see (start page, slides); the stems name the files.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Chapter:
    number: int
    stem: str
    title_en: str
    title_sv: str

    def title(self, lang: str) -> str:
        return self.title_sv if lang == "sv" else self.title_en


CHAPTERS: tuple[Chapter, ...] = (
    Chapter(0, "00_welcome", "Welcome: what a neural network is", "Välkommen: vad ett neuralt nätverk är"),
    Chapter(1, "01_perceptron", "The perceptron", "Perceptronen"),
    Chapter(2, "02_activations", "Activation functions", "Aktiveringsfunktioner"),
    Chapter(3, "03_forward_pass", "Forward pass and architecture", "Framåtpass och arkitektur"),
    Chapter(4, "04_loss_functions", "Loss functions", "Förlustfunktioner"),
    Chapter(5, "05_gradient_descent", "Least squares and gradient descent", "Minstakvadratmetoden och gradientnedstigning"),
    Chapter(6, "06_chain_rule", "Chain rule and computational graphs", "Kedjeregeln och beräkningsgrafer"),
    Chapter(7, "07_backpropagation", "Backpropagation", "Bakåtpropagering"),
    Chapter(8, "08_softmax", "Softmax and multi-class classification", "Softmax och klassificering med flera klasser"),
    Chapter(9, "09_optimizers", "Optimisers, initialisation and hyperparameters", "Optimerare, initiering och hyperparametrar"),
    Chapter(10, "10_convolution", "Convolutional layers", "Faltningslager"),
    Chapter(11, "11_overfitting", "Overfitting, validation and checkpoints", "Överanpassning, validering och kontrollpunkter"),
    Chapter(12, "12_project_digits", "Project: handwritten digits", "Projekt: handskrivna siffror"),
)


def resolve_chapter(value: str) -> str:
    """The chapter stem for a number ("3", "03") or a stem ("03_forward_pass").

    Raises
    ------
    ValueError
        Naming the valid chapters.
    """
    text = value.strip()
    for chapter in CHAPTERS:
        if text == chapter.stem or (text.isdigit() and int(text) == chapter.number):
            return chapter.stem
    valid = ", ".join(chapter.stem for chapter in CHAPTERS)
    numbers = f"{CHAPTERS[0].number}–{CHAPTERS[-1].number}"
    raise ValueError(f"unknown chapter {value!r}; expected a number {numbers} or one of: {valid}")
