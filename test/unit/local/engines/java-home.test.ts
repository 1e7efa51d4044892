import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../../src/local/engines/engine.js';
import { javaMajorOf, javaRequirementFor, pickJdk } from '../../../../src/local/engines/java-home.js';

describe('javaMajorOf', () => {
  it.each([
    ['java-17-openjdk-amd64', 17],
    ['java-1.17.0-openjdk-amd64', 17],
    ['java-1.8.0-openjdk', 8],
    ['temurin-25-jdk-amd64', 25],
    ['jdk-21.0.2', 21],
    ['zulu21-ca-amd64', 21],
    ['default-java', undefined],
  ])('reads %s as %s', (name, major) => {
    expect(javaMajorOf(name)).toBe(major);
  });
});

const openSearch = (version: string): Engine => ({ distribution: 'opensearch', version });

describe('pickJdk', () => {
  const installed = ['default-java', 'java-11-openjdk-amd64', 'java-17-openjdk-amd64', 'temurin-25-jdk-amd64'];

  it('picks Java 17 for OpenSearch 2.x', () => {
    expect(pickJdk(installed, javaRequirementFor(openSearch('2.19.5')))).toBe('java-17-openjdk-amd64');
  });

  it('picks Java 21 or newer for OpenSearch 3.x', () => {
    expect(pickJdk(installed, javaRequirementFor(openSearch('3.0.0')))).toBe('temurin-25-jdk-amd64');
  });

  it('never picks Java 24 or newer for OpenSearch 2.x, which needs the Security Manager', () => {
    expect(pickJdk(['temurin-25-jdk-amd64'], javaRequirementFor(openSearch('2.19.5')))).toBeUndefined();
  });

  it('falls back to the newest suitable JDK below the preferred one', () => {
    expect(pickJdk(['java-8-openjdk', 'java-11-openjdk-amd64'], javaRequirementFor(openSearch('2.19.5')))).toBe(
      'java-11-openjdk-amd64',
    );
  });
});

describe('javaRequirementFor', () => {
  it.each([
    ['elasticsearch', '7.10.2'],
    ['opensearch', '1.3.20'],
  ] as const)(
    'keeps %s %s on Java 17 at most: it installs a Security Manager without allowing it',
    (distribution, version) => {
      const requirement = javaRequirementFor({ distribution, version });
      expect(requirement).toEqual({ min: 11, max: 17, preferred: 17 });
      expect(pickJdk(['java-17-openjdk-amd64', 'temurin-25-jdk-amd64'], requirement)).toBe('java-17-openjdk-amd64');
    },
  );
});
