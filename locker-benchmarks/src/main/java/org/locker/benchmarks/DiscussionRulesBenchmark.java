package org.locker.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.locker.core.directory.Profile;
import org.locker.core.discussion.ContactCategory;
import org.locker.core.discussion.Decision;
import org.locker.core.discussion.DiscussionRules;
import org.locker.core.discussion.DiscussionSettings;
import org.locker.core.discussion.DiscussionState;
import org.locker.core.discussion.Participant;
import org.locker.core.platform.UserId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4 target: a rule decision takes at most 2 µs (median). Sample time mode reports the percentiles; the
 * cases are the common ones (a guardian writing to a teacher, a student posting where a teacher invited them,
 * a guardian reaching a delegate) and a refusal with the next opening time computed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DiscussionRulesBenchmark {

    private DiscussionRules rules;
    private Participant teacher;
    private Participant guardian;
    private Participant delegate;
    private Participant student;
    private Participant otherStudent;
    private DiscussionState invited;
    private Instant tuesdayMorning;
    private Instant tuesdayNight;

    @Setup
    public void setUp() {
        rules = new DiscussionRules(DiscussionSettings.defaults().withGuardianMessaging(true));
        teacher = Participant.teacher(UserId.of("t.girard"), Set.of(ContactCategory.values()));
        guardian = Participant.guardian(UserId.of("r.marc.dupont"), Set.of("6A"), Set.of(), true);
        delegate = Participant.guardian(UserId.of("r.sophie.martin"), Set.of("6A"), Set.of("6A"), true);
        student = Participant.of(UserId.of("e.lea.dupont"), Profile.STUDENT);
        otherStudent = Participant.of(UserId.of("e.tom.durand"), Profile.STUDENT);
        invited = DiscussionState.started(teacher, List.of(student, otherStudent));
        tuesdayMorning = Instant.parse("2026-11-24T09:00:00Z");
        tuesdayNight = Instant.parse("2026-11-24T21:30:00Z");
    }

    @Benchmark
    public Decision guardianStartsWithTeacher() {
        return rules.mayStart(guardian, List.of(teacher), tuesdayMorning);
    }

    @Benchmark
    public Decision studentPostsWhereInvited() {
        return rules.mayPost(student, invited, tuesdayMorning);
    }

    @Benchmark
    public Decision guardianStartsWithDelegate() {
        return rules.mayStart(guardian, List.of(delegate), tuesdayMorning);
    }

    @Benchmark
    public Decision refusedOutsideHours() {
        return rules.mayStart(guardian, List.of(teacher), tuesdayNight);
    }
}
