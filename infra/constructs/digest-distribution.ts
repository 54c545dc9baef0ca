import { Annotations, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { BUCKET_PREFIXES, DIGEST_KEYS } from '../../functions/shared/resources';

export interface DigestDistributionProps {
  bucket: s3.Bucket;
  logBucket: s3.IBucket;
}

/** Path of the latest digest on the distribution (the origin path maps `/` to `digest/`). */
export const DIGEST_PATH = `/${DIGEST_KEYS.latest.slice(BUCKET_PREFIXES.digest.length)}`;

/**
 * Serves digest/ (and nothing else of the bucket) over HTTPS. CloudFront reads the bucket through
 * origin access control, and the bucket policy lets it read digest/* only: inbox/ and rejected/
 * stay private even to the distribution.
 */
export class DigestDistribution extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly url: string;

  constructor(scope: Construct, id: string, props: DigestDistributionProps) {
    super(scope, id);
    const { bucket } = props;

    const originAccessControl = new cloudfront.S3OriginAccessControl(this, 'OriginAccess', {
      description: 'corroborate digest (read digest/* only)',
      signing: cloudfront.Signing.SIGV4_ALWAYS,
    });
    // The origin sees the bucket as imported, so it does not add its own bucket-wide
    // (`arn:.../*`) statement; the narrower one is added below.
    const originBucket = s3.Bucket.fromBucketAttributes(this, 'OriginBucket', {
      bucketArn: bucket.bucketArn,
      bucketName: bucket.bucketName,
      bucketRegionalDomainName: bucket.bucketRegionalDomainName,
    });
    const origin = origins.S3BucketOrigin.withOriginAccessControl(originBucket, {
      originAccessControl,
      originAccessLevels: [cloudfront.AccessLevel.READ],
      originPath: `/${BUCKET_PREFIXES.digest.replace(/\/$/, '')}`,
    });
    Annotations.of(this).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      'The bucket policy statement for the distribution is added explicitly, limited to digest/*.',
    );

    // latest.json, the page and the feeds (feed.json, atom.xml) are rewritten by every publish:
    // cache them briefly. Each is served with the Content-Type it was written with
    // (application/atom+xml for Atom) and compressed (CloudFront compresses both JSON and Atom).
    const latestCache = new cloudfront.CachePolicy(this, 'LatestCache', {
      comment: 'corroborate latest digest: short TTL',
      defaultTtl: Duration.seconds(30),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(5),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const common = {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
      compress: true,
      responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS_AND_SECURITY_HEADERS,
    };
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `corroborate digest (${Stack.of(this).stackName})`,
      defaultBehavior: { ...common, cachePolicy: latestCache },
      // Versioned snapshots never change: cache them for as long as CloudFront will.
      additionalBehaviors: { '/versions/*': { ...common, cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED } },
      defaultRootObject: DIGEST_PATH.slice(1),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/digest/',
    });

    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DigestDistributionReadsDigestOnly',
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [bucket.arnForObjects(`${BUCKET_PREFIXES.digest}*`)],
        conditions: { StringEquals: { 'AWS:SourceArn': this.distribution.distributionArn } },
      }),
    );

    this.url = `https://${this.distribution.distributionDomainName}${DIGEST_PATH}`;

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'The digest is public, read-only news metadata meant for readers anywhere; there is no jurisdiction to exclude.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'GET/HEAD only of small cached JSON from a private origin: there is no input to filter, and request floods are absorbed by the cache and AWS Shield Standard. A WAF web ACL for CloudFront must live in us-east-1; add one there if abuse appears.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'Served on the default *.cloudfront.net certificate, whose security policy CloudFront fixes (TLSv1) and does not let us raise; a minimum of TLSv1.2_2021 needs a custom domain with an ACM certificate in us-east-1, which this product does not have yet. Viewers are HTTPS-only either way.',
    });
  }
}
