/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-node.h"
#include "jh-types.h"

G_BEGIN_DECLS

#define JH_TYPE_TARGET (jh_target_get_type ())

G_DECLARE_FINAL_TYPE (JhTarget, jh_target, JH, TARGET, JhNode)

/* Targets are counts and sums of money; nothing in a plan is larger. */
#define JH_TARGET_MAX_NUMBER 1e9

JhTarget     *jh_target_new            (const char   *metric,
                                        JhComparison  comparison,
                                        double        number,
                                        const char   *unit);
const char   *jh_target_get_metric     (JhTarget     *self);
void          jh_target_set_metric     (JhTarget     *self,
                                        const char   *metric);
JhComparison  jh_target_get_comparison (JhTarget     *self);
void          jh_target_set_comparison (JhTarget     *self,
                                        JhComparison  comparison);
double        jh_target_get_number     (JhTarget     *self);
void          jh_target_set_number     (JhTarget     *self,
                                        double        number);
const char   *jh_target_get_unit       (JhTarget     *self);
void          jh_target_set_unit       (JhTarget     *self,
                                        const char   *unit);
char         *jh_target_to_string      (JhTarget     *self);

G_END_DECLS
