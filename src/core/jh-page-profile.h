/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * JhTextStyle:
 * @JH_TEXT_STYLE_TITLE: the document's title (标题)
 * @JH_TEXT_STYLE_HEADING_1: headings numbered 一、 (一级标题)
 * @JH_TEXT_STYLE_HEADING_2: headings numbered （一） (二级标题)
 * @JH_TEXT_STYLE_HEADING_3: headings numbered 1. (三级标题)
 * @JH_TEXT_STYLE_HEADING_4: headings numbered （1） and deeper (四级标题)
 * @JH_TEXT_STYLE_BODY: body text (正文)
 * @JH_TEXT_STYLE_TABLE_HEADING: the heading row of a table (表头)
 * @JH_TEXT_STYLE_TABLE_TEXT: the other cells of a table (表格文字)
 * @JH_TEXT_STYLE_ATTACHMENT_NOTE: the list of attachments after the
 *   body (附件说明)
 * @JH_TEXT_STYLE_SIGNOFF: the organization and date that sign the
 *   document (落款)
 * @JH_TEXT_STYLE_ATTACHMENT_LABEL: "附件1" at the head of an attachment
 *   (附件标识)
 * @JH_TEXT_STYLE_ATTACHMENT_TITLE: the title of an attachment (附件标题)
 * @JH_TEXT_STYLE_PAGE_NUMBER: page numbers (页码)
 *
 * The kinds of text of a printed plan.  Each is a named paragraph style
 * in an ODT and has its font in a #JhPageProfile.
 */
typedef enum
{
  JH_TEXT_STYLE_TITLE,
  JH_TEXT_STYLE_HEADING_1,
  JH_TEXT_STYLE_HEADING_2,
  JH_TEXT_STYLE_HEADING_3,
  JH_TEXT_STYLE_HEADING_4,
  JH_TEXT_STYLE_BODY,
  JH_TEXT_STYLE_TABLE_HEADING,
  JH_TEXT_STYLE_TABLE_TEXT,
  JH_TEXT_STYLE_ATTACHMENT_NOTE,
  JH_TEXT_STYLE_SIGNOFF,
  JH_TEXT_STYLE_ATTACHMENT_LABEL,
  JH_TEXT_STYLE_ATTACHMENT_TITLE,
  JH_TEXT_STYLE_PAGE_NUMBER,
} JhTextStyle;

#define JH_N_TEXT_STYLES (JH_TEXT_STYLE_PAGE_NUMBER + 1)

/**
 * JhPageNumberStyle:
 * @JH_PAGE_NUMBER_STYLE_NONE: no page numbers
 * @JH_PAGE_NUMBER_STYLE_PLAIN: the number alone, "1"
 * @JH_PAGE_NUMBER_STYLE_DASHES: the number between em-dashes, "— 1 —",
 *   as GB/T 9704-2012 has it
 */
typedef enum
{
  JH_PAGE_NUMBER_STYLE_NONE,
  JH_PAGE_NUMBER_STYLE_PLAIN,
  JH_PAGE_NUMBER_STYLE_DASHES,
} JhPageNumberStyle;

/**
 * JhPageNumberPosition:
 * @JH_PAGE_NUMBER_POSITION_OUTSIDE: odd pages at the right, even pages
 *   at the left, each indented from the edge of the text block
 * @JH_PAGE_NUMBER_POSITION_CENTER: centred under the text block
 */
typedef enum
{
  JH_PAGE_NUMBER_POSITION_OUTSIDE,
  JH_PAGE_NUMBER_POSITION_CENTER,
} JhPageNumberPosition;

#define JH_PAGE_PROFILE_ERROR (jh_page_profile_error_quark ())

/**
 * JhPageProfileError:
 * @JH_PAGE_PROFILE_ERROR_MALFORMED: the file is not a key file
 * @JH_PAGE_PROFILE_ERROR_INVALID_VALUE: a value is not of its kind (not
 *   a number, not one of the words allowed)
 * @JH_PAGE_PROFILE_ERROR_OUT_OF_RANGE: a number is outside its range
 * @JH_PAGE_PROFILE_ERROR_INCONSISTENT: the values do not fit together,
 *   such as a text block wider than the page
 *
 * Why a profile was refused.  The messages name the file, the line and
 * the key.
 */
typedef enum
{
  JH_PAGE_PROFILE_ERROR_MALFORMED,
  JH_PAGE_PROFILE_ERROR_INVALID_VALUE,
  JH_PAGE_PROFILE_ERROR_OUT_OF_RANGE,
  JH_PAGE_PROFILE_ERROR_INCONSISTENT,
} JhPageProfileError;

#define JH_PAGE_PROFILE_SUFFIX ".jhprofile"

#define JH_TYPE_PAGE_PROFILE (jh_page_profile_get_type ())

G_DECLARE_FINAL_TYPE (JhPageProfile, jh_page_profile, JH, PAGE_PROFILE, GObject)

GQuark               jh_page_profile_error_quark              (void);

JhPageProfile       *jh_page_profile_new                      (void);
JhPageProfile       *jh_page_profile_new_from_data            (const char          *data,
                                                               gssize               length,
                                                               const char          *display_name,
                                                               GError             **error);
JhPageProfile       *jh_page_profile_new_from_file            (GFile               *file,
                                                               GCancellable        *cancellable,
                                                               GError             **error);
JhPageProfile       *jh_page_profile_copy                     (JhPageProfile       *self);
char                *jh_page_profile_to_data                  (JhPageProfile       *self,
                                                               gsize               *length);
gboolean             jh_page_profile_check                    (JhPageProfile       *self,
                                                               GError             **error);

const char          *jh_page_profile_get_name                 (JhPageProfile       *self);
void                 jh_page_profile_set_name                 (JhPageProfile       *self,
                                                               const char          *name);
double               jh_page_profile_get_page_width           (JhPageProfile       *self);
void                 jh_page_profile_set_page_width           (JhPageProfile       *self,
                                                               double               millimetres);
double               jh_page_profile_get_page_height          (JhPageProfile       *self);
void                 jh_page_profile_set_page_height          (JhPageProfile       *self,
                                                               double               millimetres);
double               jh_page_profile_get_margin_top           (JhPageProfile       *self);
void                 jh_page_profile_set_margin_top           (JhPageProfile       *self,
                                                               double               millimetres);
double               jh_page_profile_get_margin_left          (JhPageProfile       *self);
void                 jh_page_profile_set_margin_left          (JhPageProfile       *self,
                                                               double               millimetres);
double               jh_page_profile_get_text_width           (JhPageProfile       *self);
void                 jh_page_profile_set_text_width           (JhPageProfile       *self,
                                                               double               millimetres);
double               jh_page_profile_get_text_height          (JhPageProfile       *self);
void                 jh_page_profile_set_text_height          (JhPageProfile       *self,
                                                               double               millimetres);
guint                jh_page_profile_get_lines_per_page       (JhPageProfile       *self);
void                 jh_page_profile_set_lines_per_page       (JhPageProfile       *self,
                                                               guint                lines);
guint                jh_page_profile_get_chars_per_line       (JhPageProfile       *self);
void                 jh_page_profile_set_chars_per_line       (JhPageProfile       *self,
                                                               guint                chars);
const char          *jh_page_profile_get_font                 (JhPageProfile       *self,
                                                               JhTextStyle          style);
void                 jh_page_profile_set_font                 (JhPageProfile       *self,
                                                               JhTextStyle          style,
                                                               const char          *families);
double               jh_page_profile_get_size                 (JhPageProfile       *self,
                                                               JhTextStyle          style);
double               jh_page_profile_get_body_size            (JhPageProfile       *self);
void                 jh_page_profile_set_body_size            (JhPageProfile       *self,
                                                               double               points);
double               jh_page_profile_get_title_size           (JhPageProfile       *self);
void                 jh_page_profile_set_title_size           (JhPageProfile       *self,
                                                               double               points);
double               jh_page_profile_get_page_number_size     (JhPageProfile       *self);
void                 jh_page_profile_set_page_number_size     (JhPageProfile       *self,
                                                               double               points);
JhPageNumberStyle    jh_page_profile_get_page_number_style    (JhPageProfile       *self);
void                 jh_page_profile_set_page_number_style    (JhPageProfile       *self,
                                                               JhPageNumberStyle    style);
JhPageNumberPosition jh_page_profile_get_page_number_position (JhPageProfile       *self);
void                 jh_page_profile_set_page_number_position (JhPageProfile       *self,
                                                               JhPageNumberPosition position);
double               jh_page_profile_get_page_number_indent   (JhPageProfile       *self);
void                 jh_page_profile_set_page_number_indent   (JhPageProfile       *self,
                                                               double               characters);
double               jh_page_profile_get_page_number_distance (JhPageProfile       *self);
void                 jh_page_profile_set_page_number_distance (JhPageProfile       *self,
                                                               double               millimetres);

double               jh_page_profile_get_margin_right         (JhPageProfile       *self);
double               jh_page_profile_get_margin_bottom        (JhPageProfile       *self);
double               jh_page_profile_get_line_pitch           (JhPageProfile       *self);
double               jh_page_profile_get_char_pitch           (JhPageProfile       *self);
double               jh_page_profile_get_letter_spacing       (JhPageProfile       *self);
char                *jh_page_profile_format_page_number       (JhPageProfile       *self,
                                                               guint                page);

const char          *jh_text_style_get_name                   (JhTextStyle          style);

G_END_DECLS
