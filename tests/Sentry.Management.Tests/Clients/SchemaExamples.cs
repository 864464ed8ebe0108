// Example responses copied verbatim from Sentry's OpenAPI schema (sentry-openapi.json, release 0.272.0),
// one constant per operation, so the tests run without the schema file.

namespace Sentry.Management.Tests.Clients;

internal static class SchemaExamples
{
    /// <summary>GET /api/0/organizations/{organization_id_or_slug}/releases/: 200 example "ReturnAListOfReleasesForAnOrganization".</summary>
    internal const string ListOrganizationReleases = """
        [
          {
            "id": 1,
            "version": "frontend@1.0.0",
            "shortVersion": "frontend@1.0.0",
            "status": "open",
            "versionInfo": {
              "package": "frontend",
              "version": {
                "raw": "1.0.0",
                "major": 1,
                "minor": 0,
                "patch": 0,
                "pre": null,
                "buildCode": null,
                "components": 3
              },
              "description": "1.0.0",
              "buildHash": null
            },
            "ref": null,
            "url": null,
            "dateReleased": null,
            "dateCreated": "2024-01-01T00:00:00Z",
            "data": {},
            "newGroups": 0,
            "owner": null,
            "commitCount": 0,
            "lastCommit": null,
            "deployCount": 0,
            "lastDeploy": null,
            "authors": [],
            "projects": [
              {
                "id": 1,
                "slug": "sentry",
                "name": "sentry",
                "newGroups": 0,
                "platform": "javascript",
                "platforms": [
                  "javascript"
                ],
                "hasHealthData": false
              }
            ],
            "firstEvent": null,
            "lastEvent": null,
            "currentProjectMeta": {},
            "userAgent": null
          }
        ]
        """;

    /// <summary>POST /api/0/organizations/{organization_id_or_slug}/releases/: 201 example "CreateARelease".</summary>
    internal const string CreateOrganizationRelease = """
        {
          "id": 1,
          "version": "frontend@1.0.0",
          "shortVersion": "frontend@1.0.0",
          "status": "open",
          "versionInfo": {
            "package": "frontend",
            "version": {
              "raw": "1.0.0",
              "major": 1,
              "minor": 0,
              "patch": 0,
              "pre": null,
              "buildCode": null,
              "components": 3
            },
            "description": "1.0.0",
            "buildHash": null
          },
          "ref": null,
          "url": null,
          "dateReleased": null,
          "dateCreated": "2024-01-01T00:00:00Z",
          "data": {},
          "newGroups": 0,
          "owner": null,
          "commitCount": 0,
          "lastCommit": null,
          "deployCount": 0,
          "lastDeploy": null,
          "authors": [],
          "projects": [
            {
              "id": 1,
              "slug": "sentry",
              "name": "sentry",
              "newGroups": 0,
              "platform": "javascript",
              "platforms": [
                "javascript"
              ],
              "hasHealthData": false
            }
          ],
          "firstEvent": null,
          "lastEvent": null,
          "currentProjectMeta": {},
          "userAgent": null
        }
        """;

    /// <summary>GET /api/0/organizations/{organization_id_or_slug}/releases/{version}/: 200 example "RetrieveReleaseDetails".</summary>
    internal const string GetOrganizationRelease = """
        {
          "id": 1122684517,
          "version": "control@abc123",
          "status": "open",
          "shortVersion": "control@abc123",
          "versionInfo": {
            "package": "control",
            "version": {
              "raw": "abc123"
            },
            "description": "abc123",
            "buildHash": "abc123"
          },
          "ref": null,
          "url": null,
          "dateReleased": null,
          "dateCreated": "2024-05-21T11:26:16.190281Z",
          "data": {},
          "newGroups": 0,
          "owner": null,
          "commitCount": 2,
          "lastCommit": {
            "id": "xyz123",
            "message": "feat(raspberries): Made raspberries even more delicious",
            "dateCreated": "2024-05-21T11:04:55Z",
            "pullRequest": {
              "id": "70214",
              "title": "feat(raspberries): Made raspberries even more delicious",
              "message": "Made raspberries even more delicious",
              "dateCreated": "2024-05-03T07:32:28.205043Z",
              "repository": {
                "id": "1",
                "name": "raj/raspberries",
                "url": "https://raspberries.raspberries/raj/raspberries",
                "provider": {
                  "id": "integrations:github",
                  "name": "GitHub"
                },
                "status": "active",
                "dateCreated": "2016-10-10T21:36:42.414678Z",
                "integrationId": "2933",
                "externalSlug": "raj/raspberries",
                "externalId": "873328"
              },
              "author": {
                "id": "2837091",
                "name": "Raj's Raspberries",
                "username": "rajraspberry",
                "avatarUrl": "https://gravatar.com/avatar/bf99685de539465db9208ab3a888843ba0e5e85b1f156084484c7c6c31312be5?s=32&d=mm",
                "isActive": true,
                "isSuspended": false,
                "hasPasswordAuth": false,
                "isManaged": false,
                "dateJoined": "2023-08-07T12:32:09.091427Z",
                "lastLogin": "2024-05-21T05:46:23.824074Z",
                "has2fa": true,
                "lastActive": "2024-05-21T13:59:10.614891Z",
                "isSuperuser": true,
                "isStaff": true,
                "experiments": {},
                "emails": [
                  {
                    "id": "2972219",
                    "email": "raj@raspberries",
                    "is_verified": true
                  }
                ],
                "avatar": {
                  "avatarType": "upload",
                  "avatarUuid": "xyz123",
                  "avatarUrl": "https://sentry.io/avatar/xyz123/"
                }
              },
              "externalUrl": "https://github.com/raj/raspberries/pull/70214"
            },
            "suspectCommitType": "",
            "repository": {
              "id": "1",
              "name": "raj/raspberries",
              "url": "https://github.com/raj/raspberries",
              "provider": {
                "id": "integrations:github",
                "name": "GitHub"
              },
              "status": "active",
              "dateCreated": "2016-10-10T21:36:42.414678Z",
              "integrationId": "2933",
              "externalSlug": "raj/raspberries",
              "externalId": "873328"
            },
            "author": {
              "id": "2837091",
              "name": "Raj's Raspberries",
              "username": "rajraspberry",
              "avatarUrl": "https://gravatar.com/avatar/bf99685de539465db9208ab3a888843ba0e5e85b1f156084484c7c6c31312be5?s=32&d=mm",
              "isActive": true,
              "isSuspended": false,
              "hasPasswordAuth": false,
              "isManaged": false,
              "dateJoined": "2023-08-07T12:32:09.091427Z",
              "lastLogin": "2024-05-21T05:46:23.824074Z",
              "has2fa": true,
              "lastActive": "2024-05-21T13:59:10.614891Z",
              "isSuperuser": true,
              "isStaff": true,
              "experiments": {},
              "emails": [
                {
                  "id": "2972219",
                  "email": "raj@raspberries",
                  "is_verified": true
                }
              ],
              "avatar": {
                "avatarType": "upload",
                "avatarUuid": "xyz123",
                "avatarUrl": "https://sentry.io/avatar/xyz123/"
              }
            },
            "releases": [
              {
                "version": "control@abc123",
                "shortVersion": "control@abc123",
                "ref": null,
                "url": null,
                "dateReleased": null,
                "dateCreated": "2024-05-21T11:26:16.190281Z"
              },
              {
                "version": "backend@abc123",
                "shortVersion": "backend@abc123",
                "ref": null,
                "url": null,
                "dateReleased": null,
                "dateCreated": "2024-05-21T11:56:36.790866Z"
              },
              {
                "version": "control@def789",
                "shortVersion": "control@def789",
                "ref": null,
                "url": null,
                "dateReleased": null,
                "dateCreated": "2024-05-21T12:44:25.923663Z"
              },
              {
                "version": "frontend@ghi012",
                "shortVersion": "frontend@ghi012",
                "ref": null,
                "url": null,
                "dateReleased": null,
                "dateCreated": "2024-05-21T12:46:42.338358Z"
              }
            ]
          },
          "deployCount": 1,
          "lastDeploy": {
            "id": "53070941",
            "environment": "canary-test-control",
            "dateStarted": null,
            "dateFinished": "2024-05-21T11:26:17.597793Z",
            "name": "control@abc123 to canary-test-",
            "url": null
          },
          "authors": [
            {
              "id": "2837091",
              "name": "Raj's Raspberries",
              "username": "rajraspberry",
              "email": "raj@raspberries",
              "avatarUrl": "https://gravatar.com/avatar/bf99685de539465db9208ab3a888843ba0e5e85b1f156084484c7c6c31312be5?s=32&d=mm",
              "isActive": true,
              "isSuspended": false,
              "hasPasswordAuth": false,
              "isManaged": false,
              "dateJoined": "2023-08-07T12:32:09.091427Z",
              "lastLogin": "2024-05-21T05:46:23.824074Z",
              "has2fa": true,
              "lastActive": "2024-05-21T13:59:10.614891Z",
              "isSuperuser": true,
              "isStaff": true,
              "experiments": {},
              "emails": [
                {
                  "id": "2972219",
                  "email": "raj@raspberries",
                  "is_verified": true
                }
              ],
              "avatar": {
                "avatarType": "upload",
                "avatarUuid": "xyz123",
                "avatarUrl": "https://sentry.io/avatar/xyz123/"
              }
            }
          ],
          "projects": [
            {
              "id": 1,
              "slug": "sentry",
              "name": "Backend",
              "newGroups": 0,
              "platform": "python",
              "platforms": [
                "native",
                "other",
                "python"
              ],
              "hasHealthData": false,
              "healthData": {
                "durationP50": null,
                "durationP90": null,
                "crashFreeUsers": null,
                "crashFreeSessions": null,
                "sessionsCrashed": 0,
                "sessionsErrored": 0,
                "totalUsers": null,
                "totalUsers24h": null,
                "totalProjectUsers24h": null,
                "totalSessions": null,
                "totalSessions24h": null,
                "totalProjectSessions24h": null,
                "adoption": null,
                "sessionsAdoption": null,
                "stats": {
                  "24h": [
                    [
                      1715126400,
                      0
                    ],
                    [
                      1715212800,
                      0
                    ],
                    [
                      1715299200,
                      0
                    ],
                    [
                      1715385600,
                      0
                    ],
                    [
                      1715472000,
                      0
                    ],
                    [
                      1715558400,
                      0
                    ],
                    [
                      1715644800,
                      0
                    ],
                    [
                      1715731200,
                      0
                    ],
                    [
                      1715817600,
                      0
                    ],
                    [
                      1715904000,
                      0
                    ],
                    [
                      1715990400,
                      0
                    ],
                    [
                      1716076800,
                      0
                    ],
                    [
                      1716163200,
                      0
                    ],
                    [
                      1716249600,
                      0
                    ]
                  ]
                },
                "hasHealthData": false
              }
            }
          ],
          "firstEvent": null,
          "lastEvent": null,
          "currentProjectMeta": {},
          "userAgent": "Python-urllib/3.11",
          "adoptionStages": {
            "sentry": {
              "stage": "low_adoption",
              "adopted": null,
              "unadopted": null
            }
          }
        }
        """;

    /// <summary>PUT /api/0/organizations/{organization_id_or_slug}/releases/{version}/: 200 example "RetrieveReleaseDetails".</summary>
    internal const string UpdateOrganizationRelease = """
        {
          "id": 1122684517,
          "version": "control@abc123",
          "status": "open",
          "shortVersion": "control@abc123",
          "versionInfo": {
            "package": "control",
            "version": {
              "raw": "abc123"
            },
            "description": "abc123",
            "buildHash": "abc123"
          },
          "ref": null,
          "url": null,
          "dateReleased": null,
          "dateCreated": "2024-05-21T11:26:16.190281Z",
          "data": {},
          "newGroups": 0,
          "owner": null,
          "commitCount": 2,
          "lastCommit": {
            "id": "xyz123",
            "message": "feat(raspberries): Made raspberries even more delicious",
            "dateCreated": "2024-05-21T11:04:55Z",
            "pullRequest": {
              "id": "70214",
              "title": "feat(raspberries): Made raspberries even more delicious",
              "message": "Made raspberries even more delicious",
              "dateCreated": "2024-05-03T07:32:28.205043Z",
              "repository": {
                "id": "1",
                "name": "raj/raspberries",
                "url": "https://raspberries.raspberries/raj/raspberries",
                "provider": {
                  "id": "integrations:github",
                  "name": "GitHub"
                },
                "status": "active",
                "dateCreated": "2016-10-10T21:36:42.414678Z",
                "integrationId": "2933",
                "externalSlug": "raj/raspberries",
                "externalId": "873328"
              },
              "author": {
                "id": "2837091",
                "name": "Raj's Raspberries",
                "username": "rajraspberry",
                "avatarUrl": "https://gravatar.com/avatar/bf99685de539465db9208ab3a888843ba0e5e85b1f156084484c7c6c31312be5?s=32&d=mm",
                "isActive": true,
                "isSuspended": false,
                "hasPasswordAuth": false,
                "isManaged": false,
                "dateJoined": "2023-08-07T12:32:09.091427Z",
                "lastLogin": "2024-05-21T05:46:23.824074Z",
                "has2fa": true,
                "lastActive": "2024-05-21T13:59:10.614891Z",
                "isSuperuser": true,
                "isStaff": true,
                "experiments": {},
                "emails": [
                  {
                    "id": "2972219",
                    "email": "raj@raspberries",
                    "is_verified": true
                  }
                ],
                "avatar": {
                  "avatarType": "upload",
                  "avatarUuid": "xyz123",
                  "avatarUrl": "https://sentry.io/avatar/xyz123/"
                }
              },
              "externalUrl": "https://github.com/raj/raspberries/pull/70214"
            },
            "suspectCommitType": "",
            "repository": {
              "id": "1",
              "name": "raj/raspberries",
              "url": "https://github.com/raj/raspberries",
              "provider": {
                "id": "integrations:github",
                "name": "GitHub"
              },
              "status": "active",
              "dateCreated": "2016-10-10T21:36:42.414678Z",
              "integrationId": "2933",
              "externalSlug": "raj/raspberries",
              "externalId": "873328"
            },
            "author": {
              "id": "2837091",
              "name": "Raj's Raspberries",
              "username": "rajraspberry",
              "avatarUrl": "https://gravatar.com/avatar/bf99685de539465db9208ab3a888843ba0e5e85b1f156084484c7c6c31312be5?s=32&d=mm",
              "isActive": true,
              "isSuspended": false,
              "hasPasswordAuth": false,
              "isManaged": false,
              "dateJoined": "2023-08-07T12:32:09.091427Z",
              "lastLogin": "2024-05-21T05:46:23.824074Z",
              "has2fa": true,
              "lastActive": "2024-05-21T13:59:10.614891Z",
              "isSuperuser": true,
              "isStaff": true,
              "experiments": {},
              "emails": [
                {
                  "id": "2972219",
                  "email": "raj@raspberries",
                  "is_verified": true
                }
              ],
              "avatar": {
                "avatarType": "upload",
                "avatarUuid": "xyz123",
                "avatarUrl": "https://sentry.io/avatar/xyz123/"
              }
            },
            "releases": [
              {
                "version": "control@abc123",
                "shortVersion": "control@abc123",
                "ref": null,
                "url": null,
                "dateReleased": null,
                "dateCreated": "2024-05-21T11:26:16.190281Z"
              },
              {
                "version": "backend@abc123",
                "shortVersion": "backend@abc123",
                "ref": null,
                "url": null,
                "dateReleased": null,
                "dateCreated": "2024-05-21T11:56:36.790866Z"
              },
              {
                "version": "control@def789",
                "shortVersion": "control@def789",
                "ref": null,
                "url": null,
                "dateReleased": null,
                "dateCreated": "2024-05-21T12:44:25.923663Z"
              },
              {
                "version": "frontend@ghi012",
                "shortVersion": "frontend@ghi012",
                "ref": null,
                "url": null,
                "dateReleased": null,
                "dateCreated": "2024-05-21T12:46:42.338358Z"
              }
            ]
          },
          "deployCount": 1,
          "lastDeploy": {
            "id": "53070941",
            "environment": "canary-test-control",
            "dateStarted": null,
            "dateFinished": "2024-05-21T11:26:17.597793Z",
            "name": "control@abc123 to canary-test-",
            "url": null
          },
          "authors": [
            {
              "id": "2837091",
              "name": "Raj's Raspberries",
              "username": "rajraspberry",
              "email": "raj@raspberries",
              "avatarUrl": "https://gravatar.com/avatar/bf99685de539465db9208ab3a888843ba0e5e85b1f156084484c7c6c31312be5?s=32&d=mm",
              "isActive": true,
              "isSuspended": false,
              "hasPasswordAuth": false,
              "isManaged": false,
              "dateJoined": "2023-08-07T12:32:09.091427Z",
              "lastLogin": "2024-05-21T05:46:23.824074Z",
              "has2fa": true,
              "lastActive": "2024-05-21T13:59:10.614891Z",
              "isSuperuser": true,
              "isStaff": true,
              "experiments": {},
              "emails": [
                {
                  "id": "2972219",
                  "email": "raj@raspberries",
                  "is_verified": true
                }
              ],
              "avatar": {
                "avatarType": "upload",
                "avatarUuid": "xyz123",
                "avatarUrl": "https://sentry.io/avatar/xyz123/"
              }
            }
          ],
          "projects": [
            {
              "id": 1,
              "slug": "sentry",
              "name": "Backend",
              "newGroups": 0,
              "platform": "python",
              "platforms": [
                "native",
                "other",
                "python"
              ],
              "hasHealthData": false,
              "healthData": {
                "durationP50": null,
                "durationP90": null,
                "crashFreeUsers": null,
                "crashFreeSessions": null,
                "sessionsCrashed": 0,
                "sessionsErrored": 0,
                "totalUsers": null,
                "totalUsers24h": null,
                "totalProjectUsers24h": null,
                "totalSessions": null,
                "totalSessions24h": null,
                "totalProjectSessions24h": null,
                "adoption": null,
                "sessionsAdoption": null,
                "stats": {
                  "24h": [
                    [
                      1715126400,
                      0
                    ],
                    [
                      1715212800,
                      0
                    ],
                    [
                      1715299200,
                      0
                    ],
                    [
                      1715385600,
                      0
                    ],
                    [
                      1715472000,
                      0
                    ],
                    [
                      1715558400,
                      0
                    ],
                    [
                      1715644800,
                      0
                    ],
                    [
                      1715731200,
                      0
                    ],
                    [
                      1715817600,
                      0
                    ],
                    [
                      1715904000,
                      0
                    ],
                    [
                      1715990400,
                      0
                    ],
                    [
                      1716076800,
                      0
                    ],
                    [
                      1716163200,
                      0
                    ],
                    [
                      1716249600,
                      0
                    ]
                  ]
                },
                "hasHealthData": false
              }
            }
          ],
          "firstEvent": null,
          "lastEvent": null,
          "currentProjectMeta": {},
          "userAgent": "Python-urllib/3.11",
          "adoptionStages": {
            "sentry": {
              "stage": "low_adoption",
              "adopted": null,
              "unadopted": null
            }
          }
        }
        """;

    /// <summary>GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/: 200 example "ReturnAListOfReleasesForAProject".</summary>
    internal const string ListProjectReleases = """
        [
          {
            "id": 1,
            "version": "frontend@1.0.0",
            "shortVersion": "frontend@1.0.0",
            "status": "open",
            "versionInfo": {
              "package": "frontend",
              "version": {
                "raw": "1.0.0",
                "major": 1,
                "minor": 0,
                "patch": 0,
                "pre": null,
                "buildCode": null,
                "components": 3
              },
              "description": "1.0.0",
              "buildHash": null
            },
            "ref": null,
            "url": null,
            "dateReleased": null,
            "dateCreated": "2024-01-01T00:00:00Z",
            "data": {},
            "newGroups": 0,
            "owner": null,
            "commitCount": 0,
            "lastCommit": null,
            "deployCount": 0,
            "lastDeploy": null,
            "authors": [],
            "projects": [
              {
                "id": 1,
                "slug": "sentry",
                "name": "sentry",
                "newGroups": 0,
                "platform": "javascript",
                "platforms": [
                  "javascript"
                ],
                "hasHealthData": false
              }
            ],
            "firstEvent": null,
            "lastEvent": null,
            "currentProjectMeta": {},
            "userAgent": null
          }
        ]
        """;

    /// <summary>GET /api/0/organizations/{organization_id_or_slug}/releases/{version}/commits/: 200 example "ReturnAListOfCommitsForARelease".</summary>
    internal const string ListOrganizationReleaseCommits = """
        [
          {
            "id": "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2",
            "message": "fix: handle empty release version",
            "dateCreated": "2024-01-01T00:00:00Z",
            "pullRequest": null,
            "suspectCommitType": "",
            "releases": [
              {
                "version": "frontend@1.0.0",
                "shortVersion": "1.0.0",
                "ref": null,
                "url": null,
                "dateReleased": null,
                "dateCreated": "2024-01-01T00:00:00Z"
              }
            ]
          }
        ]
        """;

    /// <summary>GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/releases/{version}/commits/: 200 example "ReturnAListOfCommitsForARelease".</summary>
    internal const string ListProjectReleaseCommits = """
        [
          {
            "id": "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2",
            "message": "fix: handle empty release version",
            "dateCreated": "2024-01-01T00:00:00Z",
            "pullRequest": null,
            "suspectCommitType": "",
            "releases": [
              {
                "version": "frontend@1.0.0",
                "shortVersion": "1.0.0",
                "ref": null,
                "url": null,
                "dateReleased": null,
                "dateCreated": "2024-01-01T00:00:00Z"
              }
            ]
          }
        ]
        """;

    /// <summary>GET /api/0/organizations/{organization_id_or_slug}/sessions/: 200 example "QuerySessions".</summary>
    internal const string GetOrganizationSessions = """
        {
          "groups": [
            {
              "by": {
                "session.status": "errored"
              },
              "totals": {
                "sum(session)": 1000
              },
              "series": {
                "sum(session)": [
                  368,
                  392,
                  240
                ]
              }
            },
            {
              "by": {
                "session.status": "healthy"
              },
              "totals": {
                "sum(session)": 17905998
              },
              "series": {
                "sum(session)": [
                  6230841,
                  6923689,
                  4751465
                ]
              }
            }
          ],
          "start": "2024-01-29T07:30:00Z",
          "end": "2024-01-29T09:00:00Z",
          "intervals": [
            "2024-01-29T07:30:00Z",
            "2024-01-29T08:00:00Z",
            "2024-01-29T08:30:00Z"
          ],
          "query": ""
        }
        """;

    /// <summary>GET /api/0/organizations/{organization_id_or_slug}/stats_v2/: 200 example "RetrieveEventCountsV2".</summary>
    internal const string ListOrganizationStatsV2 = """
        {
          "start": "2022-02-14T19:00:00Z",
          "end": "2022-02-28T18:03:00Z",
          "intervals": [
            "2022-02-28T00:00:00Z"
          ],
          "groups": [
            {
              "by": {
                "outcome": "invalid"
              },
              "totals": {
                "sum(quantity)": 165665
              },
              "series": {
                "sum(quantity)": [
                  165665
                ]
              }
            }
          ]
        }
        """;

    /// <summary>GET /api/0/projects/{organization_id_or_slug}/{project_id_or_slug}/stats/: 200 example "ProjectEventCounts".</summary>
    internal const string ListProjectStats = """
        [
          [
            1541455200,
            1184
          ],
          [
            1541458800,
            1410
          ],
          [
            1541462400,
            1440
          ],
          [
            1541466000,
            1682
          ],
          [
            1541469600,
            1203
          ],
          [
            1541473200,
            497
          ],
          [
            1541476800,
            661
          ],
          [
            1541480400,
            1481
          ],
          [
            1541484000,
            678
          ],
          [
            1541487600,
            1857
          ],
          [
            1541491200,
            819
          ],
          [
            1541494800,
            1013
          ],
          [
            1541498400,
            1883
          ],
          [
            1541502000,
            1450
          ],
          [
            1541505600,
            1102
          ],
          [
            1541509200,
            1317
          ],
          [
            1541512800,
            1017
          ],
          [
            1541516400,
            813
          ],
          [
            1541520000,
            1189
          ],
          [
            1541523600,
            496
          ],
          [
            1541527200,
            1936
          ],
          [
            1541530800,
            1405
          ],
          [
            1541534400,
            617
          ],
          [
            1541538000,
            1533
          ]
        ]
        """;

    /// <summary>GET /api/0/organizations/{organization_id_or_slug}/stats-summary/: 200 example "GetEventCountsForProjectsInAnOrganization".</summary>
    internal const string GetOrganizationStatsSummary = """
        {
          "start": "2023-09-19T13:00:00Z",
          "end": "2023-09-19T12:28:00Z",
          "projects": [
            {
              "id": "1",
              "slug": "android-project",
              "stats": [
                {
                  "category": "error",
                  "outcomes": {
                    "accepted": 1930571,
                    "filtered": 1934881,
                    "rate_limited": 2506132,
                    "invalid": 0,
                    "abuse": 1938113,
                    "client_discard": 1942414,
                    "cardinality_limited": 0
                  },
                  "totals": {
                    "dropped": 2506132,
                    "sum(quantity)": 10252111
                  }
                },
                {
                  "category": "transaction",
                  "outcomes": {
                    "accepted": 1909849,
                    "filtered": 1947142,
                    "rate_limited": 2458946,
                    "invalid": 0,
                    "abuse": 1927179,
                    "client_discard": 1931595,
                    "cardinality_limited": 0
                  },
                  "totals": {
                    "dropped": 2458946,
                    "sum(quantity)": 10174711
                  }
                }
              ]
            }
          ]
        }
        """;
}
