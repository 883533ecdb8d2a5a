/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * JhDocumentKind:
 *
 * What a document is.  Plans have the four core sections; summaries and
 * rules are kept as they are, not forced into them.
 */
typedef enum
{
  JH_DOCUMENT_KIND_PLAN,
  JH_DOCUMENT_KIND_SUMMARY,
  JH_DOCUMENT_KIND_RULES,
  JH_DOCUMENT_KIND_OTHER,
} JhDocumentKind;

typedef enum
{
  JH_PLAN_STATUS_DRAFT,
  JH_PLAN_STATUS_FINAL,
} JhPlanStatus;

/**
 * JhSectionKind:
 *
 * The parts a work plan is made of.  The nicks are the names used in
 * plan files.
 */
typedef enum
{
  JH_SECTION_KIND_PREAMBLE,
  JH_SECTION_KIND_GUIDING_IDEOLOGY,
  JH_SECTION_KIND_GOALS,
  JH_SECTION_KIND_PRINCIPLES,
  JH_SECTION_KIND_MAIN_TASKS,
  JH_SECTION_KIND_SCHEDULE,
  JH_SECTION_KIND_SAFEGUARDS,
  JH_SECTION_KIND_REQUIREMENTS,
  JH_SECTION_KIND_ATTACHMENT,
  JH_SECTION_KIND_OTHER,
} JhSectionKind;

typedef enum
{
  JH_COMPARISON_AT_LEAST,
  JH_COMPARISON_AT_MOST,
  JH_COMPARISON_EXACTLY,
} JhComparison;

/* The deepest task level: 一、 （一） 1. （1） */
#define JH_TASK_MAX_DEPTH 4

typedef struct _JhPlan      JhPlan;
typedef struct _JhSection   JhSection;
typedef struct _JhTask      JhTask;
typedef struct _JhParagraph JhParagraph;
typedef struct _JhTarget    JhTarget;

const char *jh_section_kind_to_nick       (JhSectionKind  kind);
gboolean    jh_section_kind_from_nick     (const char    *nick,
                                           JhSectionKind *kind);
const char *jh_section_kind_get_title     (JhSectionKind  kind);
const char *jh_section_kind_get_label     (JhSectionKind  kind);
const char *jh_comparison_get_symbol      (JhComparison   comparison);

G_END_DECLS
