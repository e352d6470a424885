// ncursesw for Swift: the wide-character API plus small inline helpers for what Swift cannot
// import (function-like macros such as COLOR_PAIR and getmaxyx, and cchar_t construction).
#ifndef ESCALATOR_CNCURSES_SHIM_H
#define ESCALATOR_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// COLOR_PAIR(n) as a function.
static inline attr_t cn_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

/// The attribute bits by name (macros built from NCURSES_BITS).
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }

/// The size of the standard screen.
static inline int cn_lines(void) { int y, x; getmaxyx(stdscr, y, x); (void)x; return y; }
static inline int cn_cols(void) { int y, x; getmaxyx(stdscr, y, x); (void)y; return x; }

/// stdscr, which is a macro-backed global in some builds.
static inline WINDOW *cn_stdscr(void) { return stdscr; }

/// The number of colours the terminal has (a global Swift sees as shared mutable state).
static inline int cn_colors(void) { return COLORS; }

/// Writes one grapheme (a base character and up to CCHARW_MAX-1 combining characters) at (y, x)
/// with attributes and a colour pair; returns ERR when ncurses refuses it.
static inline int cn_put(int y, int x, const wchar_t *chars, int count, attr_t attrs, short pair) {
    wchar_t buffer[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) buffer[i] = chars[i];
    buffer[n] = L'\0';
    cchar_t cell;
    if (setcchar(&cell, buffer, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/// The terminfo probe's pieces (from term.h, which would bring its macros along).
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *cur_term;
extern int del_curterm(struct term *);
extern struct term *set_curterm(struct term *);

/// 1 when TERM can draw the board (its terminfo entry addresses the cursor and clears the
/// screen), 0 when it cannot (TERM=dumb, a printing terminal), -1 when terminfo does not know it.
/// Asks setupterm with an error out-parameter, which fails silently (newterm prints to the screen
/// and may exit), then frees the probe.
extern char *tigetstr(const char *);
extern int putp(const char *);
static inline int cn_capable(const char *cap) {
    char *value = tigetstr(cap);
    return value != NULL && value != (char *)-1 && value[0] != '\0';
}
static inline int cn_terminfo_drawable(const char *name, int fd) {
    struct term *saved = cur_term;
    int status = 0;
    int known = setupterm(name, fd, &status) == OK && status == 1;
    int drawable = known && cn_capable("cup") && cn_capable("clear");
    if (cur_term != saved && cur_term != NULL) {
        struct term *probe = set_curterm(saved);
        del_curterm(probe);
    }
    return known ? drawable : -1;
}

/// On a terminal without an alternate screen (linux, vt100, vt220) the last frame would stay
/// after quitting: clear it. Call after endwin, while the screen's terminfo is still current.
static inline void cn_clear_without_alternate_screen(FILE *out) {
    if (cn_capable("smcup")) return;
    if (!cn_capable("clear")) return;
    fputs(tigetstr("clear"), out);
    fflush(out);
}

/// KEY_* codes Swift sees as macros.
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_key_up(void) { return KEY_UP; }
static inline int cn_key_down(void) { return KEY_DOWN; }
static inline int cn_key_left(void) { return KEY_LEFT; }
static inline int cn_key_right(void) { return KEY_RIGHT; }
static inline int cn_key_home(void) { return KEY_HOME; }
static inline int cn_key_end(void) { return KEY_END; }
static inline int cn_key_npage(void) { return KEY_NPAGE; }
static inline int cn_key_ppage(void) { return KEY_PPAGE; }
static inline int cn_key_enter(void) { return KEY_ENTER; }
static inline int cn_key_backspace(void) { return KEY_BACKSPACE; }
static inline int cn_key_dc(void) { return KEY_DC; }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cn_key_btab(void) { return KEY_BTAB; }
static inline int cn_key_mouse(void) { return KEY_MOUSE; }

/// Asks the terminal to report button presses and the wheel (no motion), with no click
/// resolution delay; returns false when it cannot report the mouse at all.
static inline int cn_enable_mouse(void) {
    mmask_t wanted = BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    wanted |= BUTTON5_PRESSED;
#endif
    mouseinterval(0);
    return mousemask(wanted, NULL) != 0;
}

/// Reads the pending mouse event: its cell and what happened (1 press, 4 wheel up, 5 wheel down,
/// 0 anything else); returns ERR when there is none.
static inline int cn_get_mouse(int *x, int *y, int *what) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *x = event.x;
    *y = event.y;
    *what = 0;
    if (event.bstate & BUTTON1_PRESSED) *what = 1;
    else if (event.bstate & BUTTON4_PRESSED) *what = 4;
#ifdef BUTTON5_PRESSED
    else if (event.bstate & BUTTON5_PRESSED) *what = 5;
#endif
    return OK;
}

#endif
